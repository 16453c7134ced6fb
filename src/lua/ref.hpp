// Ref: an owned registry reference. Releasing it is the destructor's job, so a
// C++ object that holds callbacks can never leak or double-release them.
#pragma once

#include <utility>

#include "lua/lua.hpp"

namespace nmh::lua {

class Ref {
 public:
  Ref() = default;
  // References the value at idx (the stack is left as it was). nil gives an empty Ref.
  Ref(lua_State* L, int idx);
  ~Ref() { reset(); }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  Ref(Ref&& o) noexcept
      : L_(std::exchange(o.L_, nullptr)), ref_(std::exchange(o.ref_, LUA_NOREF)) {}
  Ref& operator=(Ref&& o) noexcept {
    if (this != &o) {
      reset();
      L_ = std::exchange(o.L_, nullptr);
      ref_ = std::exchange(o.ref_, LUA_NOREF);
    }
    return *this;
  }

  // Pops the top of the stack into a new Ref.
  static Ref pop(lua_State* L);

  void reset();
  explicit operator bool() const { return ref_ != LUA_NOREF && ref_ != LUA_REFNIL; }
  // Pushes the referenced value (nil when empty) on L's stack.
  void push(lua_State* L) const;
  // The main thread of the state the reference lives in (nullptr when empty).
  lua_State* state() const { return L_; }

 private:
  lua_State* L_ = nullptr;  // always the main thread: a coroutine may die first
  int ref_ = LUA_NOREF;
};

}  // namespace nmh::lua
