// Userdata boxes: the Lua userdata holds only a pointer to the C++ object
// (design.md, object lifetime). The object clears the pointer when it detaches,
// so a method on a box whose object is gone sees nullptr, never freed memory.
#pragma once

#include <string>

#include "lua/lua.hpp"

namespace nmh::lua {

template <class T>
T** new_box(lua_State* L, T* object, const char* metatable) {
  auto** box = static_cast<T**>(lua_newuserdata(L, sizeof(T*)));
  *box = object;
  lua_rawgetp(L, LUA_REGISTRYINDEX, metatable);  // set by new_class, see check_box
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    luaL_getmetatable(L, metatable);
  }
  lua_setmetatable(L, -2);
  return box;
}

// The box at idx, checked against the metatable (Lua's typed error otherwise).
// Every method call checks its self, so the metatable is found by the address
// of its name (a light userdata key new_class sets) rather than by hashing
// the name as luaL_checkudata does (design.md hot path).
template <class T>
T** check_box(lua_State* L, int idx, const char* metatable) {
  void* p = lua_touserdata(L, idx);
  if (p != nullptr && lua_getmetatable(L, idx) != 0) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, metatable);
    bool same = lua_rawequal(L, -1, -2) != 0;
    lua_pop(L, 2);
    if (same) return static_cast<T**>(p);
  }
  return static_cast<T**>(luaL_checkudata(L, idx, metatable));
}

// Defines the metatable `name` with the methods `methods` as its __index.
// Leaves the metatable on the stack.
void new_class(lua_State* L, const char* name, const luaL_Reg* methods, lua_CFunction gc);

// Sets integer fields on the table at the top of the stack.
struct IntConst {
  const char* name;
  lua_Integer value;
};
void set_ints(lua_State* L, const IntConst* consts);

// "chunk:line" of the Lua function at `level` (1 = the caller of the C function),
// without the trailing colon luaL_where adds; empty when not a Lua function.
std::string where(lua_State* L, int level = 1);

}  // namespace nmh::lua
