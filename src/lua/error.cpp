#include "lua/error.hpp"

#include <cstdarg>

namespace nmh::lua {

void raise(lua_State* L, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  luaL_where(L, 1);
  lua_pushvfstring(L, fmt, args);
  va_end(args);
  lua_concat(L, 2);
  lua_error(L);
  __builtin_unreachable();
}

void raise_arg(lua_State* L, int arg, const char* message) {
  luaL_argerror(L, arg, message);
  __builtin_unreachable();
}

int push_string(lua_State* L, std::string_view bytes) {
  auto push = [bytes](lua_State* S) { lua_pushlstring(S, bytes.data(), bytes.size()); };
  return protect(L, push);
}

}  // namespace nmh::lua
