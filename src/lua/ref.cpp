#include "lua/ref.hpp"

namespace nmh::lua {

Ref::Ref(lua_State* L, int idx) {
  if (lua_isnoneornil(L, idx)) return;
  lua_pushvalue(L, idx);
  ref_ = luaL_ref(L, LUA_REGISTRYINDEX);  // threads share the registry
}

Ref Ref::pop(lua_State* L) {
  Ref r(L, -1);
  lua_pop(L, 1);
  return r;
}

void Ref::reset() {
  if (main_ != nullptr && ref_ != LUA_NOREF) luaL_unref(main_, LUA_REGISTRYINDEX, ref_);
  ref_ = LUA_NOREF;
}

void Ref::push(lua_State* L) const {
  if (ref_ == LUA_NOREF) {
    lua_pushnil(L);
  } else {
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref_);
  }
}

}  // namespace nmh::lua
