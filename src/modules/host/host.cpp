// Placeholder until the host module lands.
#include "lua/lua.hpp"
#include "runtime/modules.hpp"

namespace nmh {
int open_host(lua_State* L) {
  lua_newtable(L);
  return 1;
}
}  // namespace nmh
