#include "modules/net/address.hpp"

#include <arpa/inet.h>
#include <net/if.h>

#include <cstdio>
#include <cstring>

namespace nmh::net {

uint16_t Address::port() const {
  if (v6()) return ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
  return ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
}

void Address::set_port(uint16_t port) {
  if (v6()) {
    reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port = htons(port);
  } else {
    reinterpret_cast<sockaddr_in*>(&storage)->sin_port = htons(port);
  }
}

std::optional<Address> parse_ipv4(std::string_view text, uint16_t port) {
  if (text.empty() || text.size() > 63) return std::nullopt;
  std::string s(text);
  in_addr a{};
  // inet_aton stops at white space; the device's parser does the same, but a
  // trailing character other than the terminator makes it fail.
  if (inet_aton(s.c_str(), &a) == 0 || s.find_first_of(" \t\n") != std::string::npos) {
    return std::nullopt;
  }
  Address out;
  auto* sin = reinterpret_cast<sockaddr_in*>(&out.storage);
  sin->sin_family = AF_INET;
  sin->sin_addr = a;
  sin->sin_port = htons(port);
  return out;
}

std::optional<Address> parse_ipv6(std::string_view text, uint16_t port) {
  if (text.empty() || text.size() > 63 || text.find(':') == std::string_view::npos) {
    return std::nullopt;
  }
  std::string s(text);
  std::string zone;
  size_t pct = s.find('%');
  if (pct != std::string::npos) {
    zone = s.substr(pct + 1);
    if (zone.empty()) return std::nullopt;  // "fe80::1%" names no interface
    s.resize(pct);
  }
  Address out;
  auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
  if (inet_pton(AF_INET6, s.c_str(), &sin6->sin6_addr) != 1) return std::nullopt;
  sin6->sin6_family = AF_INET6;
  sin6->sin6_port = htons(port);
  if (!zone.empty()) {
    unsigned index = if_nametoindex(zone.c_str());
    if (index == 0) {
      char* end = nullptr;
      unsigned long n = std::strtoul(zone.c_str(), &end, 10);
      if (*end != '\0' || n == 0) return std::nullopt;
      index = static_cast<unsigned>(n);
    }
    sin6->sin6_scope_id = index;
  }
  return out;
}

std::optional<Address> parse_ip(std::string_view text, uint16_t port) {
  if (auto v4 = parse_ipv4(text, port)) return v4;
  return parse_ipv6(text, port);
}

std::string format_ip(const sockaddr* sa) {
  char buf[INET6_ADDRSTRLEN] = "";
  if (sa->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof buf);
    return buf;
  }
  if (sa->sa_family != AF_INET6) return {};
  const in6_addr& a = reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr;
  if (IN6_IS_ADDR_V4MAPPED(&a)) {
    inet_ntop(AF_INET, &a.s6_addr[12], buf, sizeof buf);
    return buf;
  }
  inet_ntop(AF_INET6, &a, buf, sizeof buf);
  return buf;
}

void push_ip(lua_State* L, const sockaddr* sa) {
  char text[INET6_ADDRSTRLEN + 1];
  (void)std::snprintf(text, sizeof text, "%s", format_ip(sa).c_str());
  lua_pushstring(L, text);
}

}  // namespace nmh::net
