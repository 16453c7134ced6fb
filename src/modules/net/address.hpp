// Addresses as the net module reads and prints them (net.md §3.1, §12.1).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lua/lua.hpp"

namespace nmh::net {

struct Address {
  sockaddr_storage storage{};
  bool v6() const { return storage.ss_family == AF_INET6; }
  const sockaddr* sa() const { return reinterpret_cast<const sockaddr*>(&storage); }
  sockaddr* sa() { return reinterpret_cast<sockaddr*>(&storage); }
  socklen_t size() const { return v6() ? sizeof(sockaddr_in6) : sizeof(sockaddr_in); }
  uint16_t port() const;
  void set_port(uint16_t port);
};

// An IPv4 literal in any inet_aton form ("a.b.c.d", "a.b.c", "a.b", "a", hex
// and octal parts), as the device's ipaddr_aton accepts (net.md §3.1 step 4).
std::optional<Address> parse_ipv4(std::string_view text, uint16_t port = 0);
// An IPv6 literal, with an optional %zone on link-local addresses (net.md §12.1).
std::optional<Address> parse_ipv6(std::string_view text, uint16_t port = 0);
// Either of the above.
std::optional<Address> parse_ip(std::string_view text, uint16_t port = 0);

// IPv4 as a dotted quad, IPv6 as lower-case RFC 5952 text, and an IPv4-mapped
// IPv6 address always as the plain dotted quad (net.md §12.1).
std::string format_ip(const sockaddr* sa);
// The same text pushed on the Lua stack, with no C++ object alive while the
// push may raise (Lua's errors longjmp past destructors).
void push_ip(lua_State* L, const sockaddr* sa);

}  // namespace nmh::net
