// Placeholder: node.input/node.output land with the console work.
#include "modules/node/node_console.hpp"

namespace nmh {
int node_input(lua_State* L) { return luaL_error(L, "node.input is not ready"); }
int node_output(lua_State* L) { return luaL_error(L, "node.output is not ready"); }
}  // namespace nmh
