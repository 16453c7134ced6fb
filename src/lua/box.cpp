#include "lua/box.hpp"

#include "lua/error.hpp"

namespace nmh::lua {

void new_class(lua_State* L, const char* name, const luaL_Reg* methods, lua_CFunction gc) {
  luaL_newmetatable(L, name);
  ClassEntry* entry = find_class(name);
  if (entry == nullptr) entry = find_class(nullptr);
  if (entry == nullptr) {
    raise(L, "internal: more than %d classes", static_cast<int>(kMaxClasses));
  }
  entry->name = name;
  entry->metatable = lua_topointer(L, -1);
  entry->slot = Ref::keep(L, -1);
  int count = 0;
  for (const luaL_Reg* m = methods; m->name != nullptr; ++m) ++count;
  lua_createtable(L, 0, count);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  if (gc != nullptr) {
    lua_pushcfunction(L, gc);
    lua_setfield(L, -2, "__gc");
  }
  // Userdata print as `userdata: 0x…`, as on the device (runtime.md §3.2).
  lua_pushnil(L);
  lua_setfield(L, -2, "__name");
}

void new_lib(lua_State* L, const luaL_Reg* funcs, const IntConst* consts, int extra) {
  int count = extra;
  for (const luaL_Reg* f = funcs; f->name != nullptr; ++f) ++count;
  for (const IntConst* c = consts; c != nullptr && c->name != nullptr; ++c) ++count;
  lua_createtable(L, 0, count);
  luaL_setfuncs(L, funcs, 0);
  if (consts != nullptr) set_ints(L, consts);
}

void forget_classes() {
  for (ClassEntry& c : g_classes) c = ClassEntry{};
}

void set_ints(lua_State* L, const IntConst* consts) {
  for (; consts->name != nullptr; ++consts) {
    lua_pushinteger(L, consts->value);
    lua_setfield(L, -2, consts->name);
  }
}

std::string where(lua_State* L, int level) {
  lua_Debug ar;
  if (lua_getstack(L, level, &ar) == 0) return {};
  lua_getinfo(L, "Sl", &ar);
  if (ar.currentline <= 0) return {};
  std::string out = ar.short_src;
  out += ':';
  out += std::to_string(ar.currentline);
  return out;
}

}  // namespace nmh::lua
