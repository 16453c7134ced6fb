// Userdata boxes: the Lua userdata holds only a pointer to the C++ object
// (design.md, object lifetime). The object never points back: its __gc empties
// the box (take_from_box), and an object freed at teardown is only ever
// reached through boxes that the state's close collects unread.
#pragma once

#include <array>
#include <string>

#include "lua/lua.hpp"
#include "lua/ref.hpp"

namespace nmh::lua {

// The classes new_class made in the current state: each metatable's address
// (what lua_topointer gives, for check_box) and a registry slot (for new_box).
// A registry look-up by light userdata hashes the key and walks a chain of
// the registry's hash part, about 150 instructions on every method call; the
// address compare is a tenth of that (design.md hot path).
// One state lives at a time (lua::Ref); forget_classes() empties the table
// when it closes, so an address is never compared against another state's.
// Plain data, so nothing runs at process exit.
struct ClassEntry {
  const char* name = nullptr;
  const void* metatable = nullptr;
  int slot = 0;  // Ref::keep
};
inline constexpr size_t kMaxClasses = 8;
inline std::array<ClassEntry, kMaxClasses> g_classes;

// The entry of name; nullptr finds the first free one.
inline ClassEntry* find_class(const char* name) {
  for (ClassEntry& c : g_classes) {
    if (c.name == name) return &c;
  }
  return nullptr;
}
void forget_classes();

template <class T>
T** new_box(lua_State* L, T* object, const char* metatable) {
  auto** box = static_cast<T**>(lua_newuserdata(L, sizeof(T*)));
  *box = object;
  if (const ClassEntry* c = find_class(metatable)) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->slot);
  } else {
    luaL_getmetatable(L, metatable);  // made with luaL_newmetatable directly
  }
  lua_setmetatable(L, -2);
  return box;
}

// The box at idx if it is a userdata of the class new_class made for
// `metatable`, else nullptr. Names are compared by address: each is a
// class's kMetatable constant.
template <class T>
T** test_box(lua_State* L, int idx, const char* metatable) {
  void* p = lua_touserdata(L, idx);
  if (p == nullptr || lua_getmetatable(L, idx) == 0) return nullptr;
  const ClassEntry* c = find_class(metatable);
  bool same = c != nullptr && lua_topointer(L, -1) == c->metatable;
  lua_pop(L, 1);
  return same ? static_cast<T**>(p) : nullptr;
}

// The box at idx, checked against the metatable (Lua's typed error otherwise).
template <class T>
T** check_box(lua_State* L, int idx, const char* metatable) {
  if (T** box = test_box<T>(L, idx, metatable)) return box;
  return static_cast<T**>(luaL_checkudata(L, idx, metatable));
}

// For a class's __gc: the object in the box at 1, leaving the box empty, so
// a script that calls __gc itself then gets nullptr from its box. The box is
// alive during its own __gc, the one time the C++ side writes into it: an
// object keeps no pointer into Lua memory, whose life it does not control
// (Lua 5.3 frees a userdata without its __gc when the finalizer call itself
// fails, at the C-stack limit or out of memory).
template <class T>
T* take_from_box(lua_State* L, const char* metatable) {
  T** box = check_box<T>(L, 1, metatable);
  T* object = *box;
  *box = nullptr;
  return object;
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

// A module table with the functions and integer constants, sized for them
// and `extra` more fields: filled without rehashing (startup: bench/README.md targets).
void new_lib(lua_State* L, const luaL_Reg* funcs, const IntConst* consts = nullptr, int extra = 0);

// "chunk:line" of the Lua function at `level` (1 = the caller of the C function),
// without the trailing colon luaL_where adds; empty when not a Lua function.
std::string where(lua_State* L, int level = 1);

}  // namespace nmh::lua
