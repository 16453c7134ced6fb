// The self-test of scripts/check-raise: one raise the rule of
// src/lua/error.hpp forbids, one shape it allows (expected.txt lists what
// the checker must report, and nothing else).
#include <string>

#include "lua/error.hpp"

// Forbidden: the longjmp of luaL_error skips the destructor of name.
int raise_with_a_string_alive(lua_State* L) {
  std::string name = luaL_checkstring(L, 1);
  if (name.empty()) return luaL_error(L, "empty name");
  return 0;
}

// Allowed: the C++ work is done in a scope that ends before the raise.
int raise_after_the_scope_ends(lua_State* L) {
  const char* arg = luaL_checkstring(L, 1);
  bool empty = false;
  {
    std::string name = arg;
    empty = name.empty();
  }
  if (empty) nmh::lua::raise(L, "empty name");
  return 0;
}
