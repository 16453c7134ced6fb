// Placeholder until the uart module lands.
#include "lua/lua.hpp"
#include "runtime/modules.hpp"

namespace nmh {
int open_uart(lua_State* L) {
  lua_newtable(L);
  return 1;
}
}  // namespace nmh
