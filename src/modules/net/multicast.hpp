// net.multicastJoin / net.multicastLeave (net.md §6). Memberships are
// device-wide on the ESP8266; the host keeps them on internal sockets owned by
// the runtime, one set per boot, so Linux's default IP_MULTICAST_ALL delivers
// a group's traffic to every UDP socket bound to 0.0.0.0 on the group's port.
#pragma once

#include "lua/lua.hpp"

namespace nmh::net {

int multicast_join(lua_State* L);
int multicast_leave(lua_State* L);

}  // namespace nmh::net
