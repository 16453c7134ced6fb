// node.input and node.output (runtime.md §4.2.1, §4.9.3), defined beside the
// pipe and console code they depend on; the node module's table lists them.
#pragma once

#include "lua/lua.hpp"

namespace nmh {
int node_input(lua_State* L);
int node_output(lua_State* L);
}  // namespace nmh
