#include "modules/net/ifinfo.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "lua/ref.hpp"
#include "modules/net/address.hpp"
#include "modules/net/dns.hpp"
#include "modules/net/errors.hpp"
#include "modules/net/warnings.hpp"
#include "runtime/boot.hpp"
#include "runtime/resource.hpp"

namespace nmh::net {

namespace {

// ---- net.ifinfo (net.md §15) ----

struct DefaultRoute {
  std::string iface;
  in_addr gateway{};
};

// The first default route of /proc/net/route (Linux's own table, no netlink needed).
std::optional<DefaultRoute> default_route() {
  std::FILE* f = std::fopen("/proc/net/route", "re");
  if (f == nullptr) return std::nullopt;
  std::optional<DefaultRoute> found;
  char line[256];
  if (std::fgets(line, sizeof line, f) != nullptr) {  // header
    while (!found && std::fgets(line, sizeof line, f) != nullptr) {
      char name[IF_NAMESIZE + 1] = "";
      unsigned dest = 0;
      unsigned gw = 0;
      unsigned flags = 0;
      unsigned mask = 0;
      if (std::sscanf(line, "%16s %x %x %x %*d %*d %*d %x", name, &dest, &gw, &flags, &mask) != 5) {
        continue;
      }
      if (dest == 0 && mask == 0 && (flags & RTF_UP) != 0) {
        found = DefaultRoute{name, {}};
        found->gateway.s_addr = gw;  // already in network order, as the kernel prints it
      }
    }
  }
  (void)std::fclose(f);  // read-only
  return found;
}

void set_ip_field(lua_State* L, const char* field, in_addr a) {
  if (a.s_addr == 0) {
    lua_pushnil(L);  // an unset address is nil, as the device's ip_addr_isany check gives
  } else {
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a, buf, sizeof buf);
    lua_pushstring(L, buf);
  }
  lua_setfield(L, -2, field);
}

// The station interface: the one holding the default route. Its route is a
// C++ object, so this is done apart from the Lua calls that may raise.
struct Station {
  in_addr ip{};
  in_addr mask{};
  in_addr gateway{};
  char hw[6] = {};
};

bool station_info(Station& out) {
  std::optional<DefaultRoute> route = default_route();
  if (!route) return false;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) == 0) {
    for (ifaddrs* i = list; i != nullptr; i = i->ifa_next) {
      if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != AF_INET) continue;
      if (route->iface != i->ifa_name) continue;
      out.ip = reinterpret_cast<const sockaddr_in*>(i->ifa_addr)->sin_addr;
      if (i->ifa_netmask != nullptr) {
        out.mask = reinterpret_cast<const sockaddr_in*>(i->ifa_netmask)->sin_addr;
      }
      break;
    }
    freeifaddrs(list);
  }
  int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd >= 0) {
    ifreq req{};
    (void)std::snprintf(req.ifr_name, sizeof req.ifr_name, "%s", route->iface.c_str());
    if (ioctl(fd, SIOCGIFHWADDR, &req) == 0) {
      std::memcpy(out.hw, req.ifr_hwaddr.sa_data, sizeof out.hw);
    }
    ::close(fd);
  }
  out.gateway = route->gateway;
  return true;
}

}  // namespace

int ifinfo(lua_State* L) {
  lua_Integer index = luaL_optinteger(L, 1, 0);
  // 0 = station, 1 = access point (none emulated); other indexes return no values.
  if (index == 1) {
    lua_pushnil(L);
    return 1;
  }
  if (index != 0) return 0;
  Station station;
  if (!station_info(station)) {
    lua_pushnil(L);
    return 1;
  }
  // The device's fields without dhcp (net.md §15).
  lua_createtable(L, 0, 4);
  lua_pushlstring(L, station.hw, sizeof station.hw);
  lua_setfield(L, -2, "hwaddr");
  set_ip_field(L, "ip", station.ip);
  set_ip_field(L, "netmask", station.mask);
  set_ip_field(L, "gateway", station.gateway);
  return 1;
}

namespace {

// ---- net.ping (net.md §15; the full contract is OPEN, §16.9) ----

// The ESP8266 SDK's ping: 4 probes by default, one a second, 32 data bytes,
// each answered within a second or counted as timed out.
constexpr int kDefaultCount = 4;
constexpr uint64_t kIntervalMs = 1000;
constexpr size_t kDataSize = 32;

class Ping final : public Resource {
 public:
  Ping(Boot& boot, lua::Ref received, lua::Ref sent, int count)
      : Resource(boot), received_(std::move(received)), sent_(std::move(sent)), count_(count) {
    uv_timer_init(boot.loop(), &timer_);
    timer_.data = this;
  }

  // The lookup's answer: start probing, or report the failure as the device
  // does, with a byte count of 0 and no "sent" report.
  void resolved(const Address* address) {
    looking_up_ = false;
    if (dead_) {
      close_handles();
      return;
    }
    if (address == nullptr) {
      lua_State* L = boot().L();
      received_.push(L);
      lua_pushinteger(L, 0);
      boot().invoke(1, CallbackKind::net);
      finish(false);
      return;
    }
    target_ = *address;
    ip_text_ = format_ip(address->sa());
    if (!target_.v6()) open_socket();
    probe();
    uv_timer_start(&timer_, on_tick, kIntervalMs, kIntervalMs);
  }

  void shutdown(bool /*graceful*/) override {
    received_.reset();
    sent_.reset();
    dead_ = true;
    // Teardown shuts the resolver down too, which drops the lookup's callback
    // without calling it: waiting for the answer would hold the restart
    // (runtime.md §2.5) for ever. abandon() has no lookup left either.
    close_handles();
  }

  void set_looking_up() { looking_up_ = true; }
  // The lookup could not start: nothing is reported, the probe just ends.
  void abandon() {
    looking_up_ = false;
    shutdown(false);
  }

 private:
  ~Ping() override {
    if (fd_ >= 0) ::close(fd_);
  }

  void open_socket() {
    // Unprivileged ICMP echo sockets need net.ipv4.ping_group_range to cover
    // our group; without it every probe goes unanswered (net.md §15).
    int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
    if (fd < 0) return;
    fd_ = fd;
    uv_poll_init_socket(boot().loop(), &poll_, fd_);
    poll_.data = this;
    polling_ = true;
    uv_poll_start(&poll_, UV_READABLE, on_readable);
  }

  void probe() {
    ++seq_;
    answered_ = false;
    sent_at_ = uv_hrtime();
    if (fd_ < 0) return;
    unsigned char packet[sizeof(icmphdr) + kDataSize] = {};
    icmphdr hdr{};
    hdr.type = ICMP_ECHO;
    hdr.un.echo.sequence = htons(static_cast<uint16_t>(seq_));
    std::memcpy(packet, &hdr, sizeof hdr);  // the kernel fills the id and the checksum
    for (size_t i = 0; i < kDataSize; ++i) packet[sizeof hdr + i] = static_cast<unsigned char>(i);
    ::sendto(fd_, packet, sizeof packet, 0, target_.sa(), target_.size());
  }

  static void on_tick(uv_timer_t* timer) {
    auto* self = static_cast<Ping*>(timer->data);
    if (!self->answered_) self->report_unanswered();
    if (self->dead_) return;
    if (self->seq_ < self->count_) {
      self->probe();
    } else {
      self->finish(true);
    }
  }

  static void on_readable(uv_poll_t* poll, int status, int /*events*/) {
    auto* self = static_cast<Ping*>(poll->data);
    if (status < 0 || self->dead_) return;
    unsigned char buf[512];
    for (;;) {
      ssize_t n = ::recv(self->fd_, buf, sizeof buf, 0);
      if (n < 0) return;
      if (static_cast<size_t>(n) < sizeof(icmphdr)) continue;
      icmphdr hdr{};
      std::memcpy(&hdr, buf, sizeof hdr);
      if (hdr.type != ICMP_ECHOREPLY) continue;
      int seq = ntohs(hdr.un.echo.sequence);
      if (seq != self->seq_ || self->answered_) continue;  // late: already counted as timed out
      self->answered_ = true;
      ++self->replies_;
      auto ms = static_cast<lua_Integer>((uv_hrtime() - self->sent_at_) / 1000000);
      self->total_ms_ += ms;
      lua_State* L = self->boot().L();
      self->received_.push(L);
      lua_pushinteger(L, static_cast<lua_Integer>(static_cast<size_t>(n) - sizeof(icmphdr)));
      lua_pushstring(L, self->ip_text_.c_str());
      lua_pushinteger(L, seq);
      lua_pushinteger(L, ms);
      self->boot().invoke(4, CallbackKind::net);
      if (self->dead_) return;
    }
  }

  void report_unanswered() {
    ++timeouts_;
    lua_State* L = boot().L();
    received_.push(L);
    lua_pushinteger(L, 0);  // bytes 0, the other values nil (net.md §15)
    boot().invoke(1, CallbackKind::net);
  }

  void finish(bool report) {
    uv_timer_stop(&timer_);
    if (report && sent_ && !dead_) {
      // The device's summary: ip, total_count, timeout_count, total_bytes, total_time.
      lua_State* L = boot().L();
      sent_.push(L);
      lua_pushstring(L, ip_text_.c_str());
      lua_pushinteger(L, count_);
      lua_pushinteger(L, timeouts_);
      lua_pushinteger(L, static_cast<lua_Integer>(replies_) * static_cast<lua_Integer>(kDataSize));
      lua_pushinteger(L, total_ms_);
      boot().invoke(5, CallbackKind::net);
    }
    received_.reset();
    sent_.reset();
    dead_ = true;
    close_handles();
  }

  void close_handles() {
    if (closing_) return;
    closing_ = true;
    open_ = polling_ ? 2 : 1;
    if (polling_) uv_close(reinterpret_cast<uv_handle_t*>(&poll_), on_closed);
    uv_close(reinterpret_cast<uv_handle_t*>(&timer_), on_closed);
  }

  static void on_closed(uv_handle_t* handle) {
    auto* self = static_cast<Ping*>(handle->data);
    if (--self->open_ == 0) delete self;
  }

  lua::Ref received_;
  lua::Ref sent_;
  int count_;
  uv_timer_t timer_{};
  uv_poll_t poll_{};
  int fd_ = -1;
  Address target_;
  std::string ip_text_;
  int seq_ = 0;
  bool answered_ = false;
  uint64_t sent_at_ = 0;
  int replies_ = 0;
  int timeouts_ = 0;
  lua_Integer total_ms_ = 0;
  int open_ = 0;
  bool polling_ = false;
  bool closing_ = false;
  bool dead_ = false;
  bool looking_up_ = false;
};

// Makes the Ping (callbacks at -2 and -1) and starts its lookup; the lookup's error code.
int start_ping(lua_State* L, const char* host, int count) {
  Boot& boot = Boot::from(L);
  // The references before the object: making one may raise (out of memory).
  lua::Ref received(L, -2);
  lua::Ref sent(L, -1);
  auto* p = new Ping(boot, std::move(received), std::move(sent), count);
  p->set_looking_up();
  int rc = Resolver::of(boot).lookup(host, [p](const Address* address) { p->resolved(address); });
  if (rc != kOk) p->abandon();  // never called back: it ends here, quietly
  return rc;
}

}  // namespace

int ping(lua_State* L) {
  // The firmware's argument handling, messages included (net_ping.c).
  luaL_checkstring(L, 1);
  bool count_given = !lua_isfunction(L, 2);
  lua_Integer count = count_given ? luaL_optinteger(L, 2, 0) : 0;
  lua_settop(L, count_given ? 4 : 3);
  luaL_argcheck(L, lua_isfunction(L, -2), -2, "no received callback specified");
  luaL_argcheck(L, lua_isfunction(L, -1) || lua_isnil(L, -1), -1,
                "invalid sent callback, function expected");
  const char* host = lua_tostring(L, 1);
  if (count <= 0) count = kDefaultCount;  // 0 takes ping_start()'s default
  Boot& boot = Boot::from(L);
  int rc = start_ping(L, host, static_cast<int>(count));
  if (rc == kMem) boot.diagnostics().report(warn::kDnsTableFull, {}, lua::where(L, 1));
  // Raised out here: a Lua error unwinds with longjmp, past any C++ destructor.
  if (rc != kOk) lua::raise(L, "lwip error %d", rc);
  return 0;
}

}  // namespace nmh::net
