// net.ifinfo and net.ping, minimal (net.md §15).
#pragma once

#include "lua/lua.hpp"

namespace nmh::net {

// net.ifinfo([index]): 0 is the interface holding the default route.
int ifinfo(lua_State* L);
// net.ping(host[, count], cb_received[, cb_sent]): ICMP echo through an
// unprivileged ICMP socket where the OS allows one, else every probe is
// reported unanswered.
int ping(lua_State* L);

}  // namespace nmh::net
