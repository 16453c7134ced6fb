#include "lua/ref.hpp"

namespace nmh::lua {

namespace {
lua_State* main_thread(lua_State* L) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  lua_State* main = lua_tothread(L, -1);
  lua_pop(L, 1);
  return main;
}
}  // namespace

Ref::Ref(lua_State* L, int idx) {
  if (lua_isnoneornil(L, idx)) return;
  lua_pushvalue(L, idx);
  L_ = main_thread(L);
  ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
}

Ref Ref::pop(lua_State* L) {
  Ref r(L, -1);
  lua_pop(L, 1);
  return r;
}

void Ref::reset() {
  if (L_ != nullptr && ref_ != LUA_NOREF) luaL_unref(L_, LUA_REGISTRYINDEX, ref_);
  L_ = nullptr;
  ref_ = LUA_NOREF;
}

void Ref::push(lua_State* L) const {
  if (L_ == nullptr || ref_ == LUA_NOREF) {
    lua_pushnil(L);
  } else {
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref_);
  }
}

}  // namespace nmh::lua
