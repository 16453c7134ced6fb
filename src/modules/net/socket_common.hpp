// What TCP, UDP and server objects share: self checks, the pitfall checks of
// net.md §14 that look at callbacks, TTL, endpoints and error notices.
#pragma once

#include <sys/socket.h>

#include <string>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "lua/ref.hpp"

namespace nmh {
class Boot;
}

namespace nmh::net {

// self must be a userdata (`invalid user data`), of the right kind (Lua's
// typed error naming it), and still attached (net.md §1).
template <class T>
T** check_self(lua_State* L, int idx, const char* metatable) {
  T** box = lua::test_box<T>(L, idx, metatable);
  if (box == nullptr) {
    if (lua_type(L, idx) != LUA_TUSERDATA) lua::raise(L, "invalid user data");
    box = lua::check_box<T>(L, idx, metatable);
  }
  if (*box == nullptr) lua::raise(L, "invalid user data");
  return box;
}

// The checks of on(event, callback) every socket kind shares (net.md §4.2,
// §5.3): the index of event in names, or a raised `invalid callback name` /
// `invalid callback function`.
int check_on_args(lua_State* L, const char* const* names, int count);

// W-NET5: the callback at fn_idx holds the object at self_idx as a direct upvalue (net.md §10.2).
void warn_self_capture(lua_State* L, int self_idx, int fn_idx, const char* event);
// W-NET11 for an IPv6 literal in the esp8266 profile (net.md §12.1).
void warn_if_ipv6(lua_State* L, const std::string& text);
// W-NET4 (net.md §14): a full collection, then compare the heap with the baseline.
void warn_if_hoarding(Boot& boot, const lua::Ref& receive, size_t delivered, size_t baseline);
// Where a callback is defined ("chunk:line"), the location of an
// event-triggered warning (net.md §0.5); empty if unknown.
std::string callback_location(lua_State* L, const lua::Ref& fn);
// The one-line notice for an errno net.md §9.3 does not name.
void note_errno(Boot& boot, const char* operation, int uv_status);

// IP_TTL or IPV6_UNICAST_HOPS (and the multicast TTL); 0 is sent as 1 (net.md §4.8).
// read_ttl (sockopt.hpp) gives the value back.
void apply_ttl(int fd, int ttl);

// The host port a listen on device port binds (--port-map, net.md §12.3); 0
// lets the OS choose. A mapping is announced with N-PORT.
uint16_t map_port(lua_State* L, uint16_t port);
void announce_port(lua_State* L, uint16_t device_port, uint16_t host_port);

// Pushes port, ip (two values) for an endpoint.
int push_endpoint(lua_State* L, const sockaddr* sa);

}  // namespace nmh::net
