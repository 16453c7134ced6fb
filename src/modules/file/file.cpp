// Placeholder until the file module lands.
#include "lua/lua.hpp"
#include "runtime/modules.hpp"

namespace nmh {
int open_file(lua_State* L) {
  lua_newtable(L);
  return 1;
}
}  // namespace nmh
