#include "modules/net/multicast.hpp"

#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "lua/error.hpp"
#include "modules/net/address.hpp"
#include "modules/net/socket_common.hpp"
#include "modules/net/sockopt.hpp"
#include "runtime/boot.hpp"

namespace nmh::net {

namespace {

// One membership (group on one interface) held by one internal socket; joined
// twice it is counted, as lwIP's igmp_joingroup counts uses.
struct Membership {
  int family;
  unsigned ifindex;
  std::string group;  // the address bytes
  int fd;
  int uses;
};

// The boot's memberships. Their sockets are plain descriptors, not loop
// handles: a membership is not work that keeps the program running
// (runtime.md §2.2). Restart drops them with the boot, as a reboot does.
class Memberships final : public ModuleState {
 public:
  explicit Memberships(Boot& /*boot*/) {}
  ~Memberships() override {
    for (const Membership& m : list_) ::close(m.fd);
  }
  Memberships(const Memberships&) = delete;
  Memberships& operator=(const Memberships&) = delete;

  void join(int family, unsigned ifindex, const std::string& group) {
    for (Membership& m : list_) {
      if (m.family == family && m.ifindex == ifindex && m.group == group) {
        ++m.uses;
        return;
      }
    }
    int fd = ::socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    if (join_group(fd, family, group.data(), ifindex) != 0) {
      ::close(fd);  // a failing join is silently ignored (net.md §6 step 3)
      return;
    }
    list_.push_back({family, ifindex, group, fd, 1});
  }

  // ifindex nullopt: the group on every interface ("any", as lwIP's leave with IP_ADDR_ANY).
  void leave(int family, std::optional<unsigned> ifindex, const std::string& group) {
    for (auto it = list_.begin(); it != list_.end();) {
      bool match =
          it->family == family && it->group == group && (!ifindex || it->ifindex == *ifindex);
      if (match && --it->uses == 0) {
        ::close(it->fd);  // closing the socket drops its membership
        it = list_.erase(it);
      } else {
        ++it;
      }
    }
  }

 private:
  std::vector<Membership> list_;
};

// Interfaces that are up, multicast-capable and hold an address of family
// (net.md §6: what "any" joins, at the time of the call).
std::vector<unsigned> multicast_interfaces(int family) {
  std::vector<unsigned> out;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return out;
  for (ifaddrs* i = list; i != nullptr; i = i->ifa_next) {
    if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != family) continue;
    if ((i->ifa_flags & IFF_UP) == 0 || (i->ifa_flags & IFF_MULTICAST) == 0) continue;
    unsigned index = if_nametoindex(i->ifa_name);
    if (index != 0 && std::find(out.begin(), out.end(), index) == out.end()) out.push_back(index);
  }
  freeifaddrs(list);
  return out;
}

// The interface owning address (none: nullopt).
std::optional<unsigned> interface_of(const Address& address) {
  std::optional<unsigned> found;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return found;
  for (ifaddrs* i = list; i != nullptr && !found; i = i->ifa_next) {
    if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != address.storage.ss_family) continue;
    bool same = false;
    if (address.v6()) {
      same = std::memcmp(&reinterpret_cast<const sockaddr_in6*>(i->ifa_addr)->sin6_addr,
                         &reinterpret_cast<const sockaddr_in6*>(&address.storage)->sin6_addr,
                         sizeof(in6_addr)) == 0;
    } else {
      same = reinterpret_cast<const sockaddr_in*>(i->ifa_addr)->sin_addr.s_addr ==
             reinterpret_cast<const sockaddr_in*>(&address.storage)->sin_addr.s_addr;
    }
    if (same) {
      unsigned index = if_nametoindex(i->ifa_name);
      if (index != 0) found = index;
    }
  }
  freeifaddrs(list);
  return found;
}

std::optional<Address> ipv6_group(const char* text) {
  auto a = parse_ipv6(text);
  if (a && reinterpret_cast<const sockaddr_in6*>(&a->storage)->sin6_addr.s6_addr[0] == 0xFF) {
    return a;
  }
  return std::nullopt;
}

int join_leave(lua_State* L, bool join) {
  // The device's checks, in its order (net.md §6 steps 1-2). The IPv6
  // extension skips the length checks, so the group is looked at first.
  std::optional<Address> group6;
  if (lua_type(L, 2) == LUA_TSTRING) group6 = ipv6_group(lua_tostring(L, 2));
  if (lua_isstring(L, 1) == 0) lua::raise(L, "wrong arg type");
  size_t il = 0;
  const char* if_text = lua_tolstring(L, 1, &il);
  bool any = il == 0 || strcasecmp(if_text, "any") == 0;
  if (!any && !group6 && (il > 15 || il < 7)) lua::raise(L, "invalid if ip");
  if (lua_isstring(L, 2) == 0) lua::raise(L, "wrong arg type");
  size_t gl = 0;
  const char* group_text = lua_tolstring(L, 2, &gl);
  if (!group6 && (gl > 15 || gl < 7)) lua::raise(L, "invalid multicast ip");

  // No Lua error is raised below, so C++ objects may live from here on.
  std::string if_ip(if_text, il);
  Memberships& memberships = Boot::from(L).state<Memberships>();
  // Text that is not an address, or not a group, is silently ignored (step 3).
  std::string group;
  int family = AF_INET;
  if (group6) {
    warn_if_ipv6(L, group_text);
    family = AF_INET6;
    const auto& a = reinterpret_cast<const sockaddr_in6*>(&group6->storage)->sin6_addr;
    group.assign(reinterpret_cast<const char*>(&a), sizeof a);
  } else {
    std::optional<Address> g = parse_ipv4(group_text);
    if (!g) return 0;
    const auto& a = reinterpret_cast<const sockaddr_in*>(&g->storage)->sin_addr;
    if (!IN_MULTICAST(ntohl(a.s_addr))) return 0;
    group.assign(reinterpret_cast<const char*>(&a), sizeof a);
  }

  std::vector<unsigned> interfaces;
  if (!any) {
    std::optional<unsigned> index;
    std::optional<Address> local = family == AF_INET6 ? parse_ipv6(if_ip) : parse_ipv4(if_ip);
    if (local) {
      index = interface_of(*local);
    } else if (family == AF_INET6) {
      unsigned by_name = if_nametoindex(if_ip.c_str());  // an interface name (IPv6 extension)
      if (by_name != 0) index = by_name;
    }
    if (!index) return 0;  // no interface owns that address: silently nothing
    interfaces.push_back(*index);
  }

  if (join) {
    if (any) interfaces = multicast_interfaces(family);
    for (unsigned index : interfaces) memberships.join(family, index, group);
  } else if (any) {
    memberships.leave(family, std::nullopt, group);
  } else {
    memberships.leave(family, interfaces.front(), group);  // never joined: nothing (step 4)
  }
  return 0;
}

}  // namespace

int multicast_join(lua_State* L) {
  return join_leave(L, true);
}
int multicast_leave(lua_State* L) {
  return join_leave(L, false);
}

}  // namespace nmh::net
