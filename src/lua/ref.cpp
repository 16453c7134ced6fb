#include "lua/ref.hpp"

#include <cassert>

namespace nmh::lua {

namespace {

// Only Ref uses the registry's integer keys above Lua's own (ref.hpp), so a
// slot it takes holds nil (never handed out) or the false release() leaves.
// Anything else is a slot someone else wrote, which keep() would overwrite.
[[maybe_unused]] bool slot_is_free(lua_State* L, int slot) {
  int type = lua_rawgeti(L, LUA_REGISTRYINDEX, slot);
  bool is_free = type == LUA_TNIL || (type == LUA_TBOOLEAN && lua_toboolean(L, -1) == 0);
  lua_pop(L, 1);
  return is_free;
}

}  // namespace

void Ref::bind(lua_State* main) {
  main_ = main;
  top_ = static_cast<int>(lua_rawlen(main, LUA_REGISTRYINDEX));  // Lua's own slots
  if (free_ == nullptr) free_ = new std::vector<int>;            // process-wide, never freed
  free_->clear();
}

void Ref::unbind(lua_State* main) {
  if (main_ != main) return;
  main_ = nullptr;
  free_->clear();
}

int Ref::take_slot() {
  if (free_->empty()) return ++top_;
  int slot = free_->back();
  free_->pop_back();
  return slot;
}

Ref::Ref(lua_State* L, int idx) {
  if (!lua_isnoneornil(L, idx)) ref_ = keep(L, idx);
}

int Ref::keep(lua_State* L, int idx) {
  lua_pushvalue(L, idx);
  int slot = take_slot();
  assert(slot_is_free(L, slot));
  lua_rawseti(L, LUA_REGISTRYINDEX, slot);  // threads share the registry
  return slot;
}

Ref Ref::pop(lua_State* L) {
  Ref r(L, -1);
  lua_pop(L, 1);
  return r;
}

void Ref::release() {
  if (main_ != nullptr) {
    // false, not nil: a slot in use for Lua's table sizing, so the registry's
    // array part never shrinks under the live slots and sends them to the hash part.
    lua_pushboolean(main_, 0);
    lua_rawseti(main_, LUA_REGISTRYINDEX, ref_);
    free_->push_back(ref_);
  }
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
