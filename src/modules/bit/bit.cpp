// Placeholder until the bit module lands.
#include "lua/lua.hpp"
#include "runtime/modules.hpp"

namespace nmh {
int open_bit(lua_State* L) {
  lua_newtable(L);
  return 1;
}
}  // namespace nmh
