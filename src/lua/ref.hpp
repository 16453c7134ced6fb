// Ref: an owned registry reference. Releasing it is the destructor's job, so a
// C++ object that holds callbacks can never leak or double-release them.
#pragma once

#include <utility>
#include <vector>

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
  Ref(Ref&& o) noexcept : ref_(std::exchange(o.ref_, LUA_NOREF)) {}
  Ref& operator=(Ref&& o) noexcept {
    if (this != &o) {
      reset();
      ref_ = std::exchange(o.ref_, LUA_NOREF);
    }
    return *this;
  }

  // Pops the top of the stack into a new Ref.
  static Ref pop(lua_State* L);

  // The state whose registry every Ref refers into: the boot's main thread
  // (a coroutine may die first), nullptr once it is closed. One state lives
  // at a time, so a Ref is just the registry index: 4 bytes, not 16, in
  // every callback slot of every socket (memory per connection: bench/README.md targets).
  static void bind(lua_State* main);
  static void unbind(lua_State* main);

  void reset() {
    if (ref_ != LUA_NOREF) release();  // inline: most slots of a socket are empty
  }
  explicit operator bool() const { return ref_ != LUA_NOREF && ref_ != LUA_REFNIL; }
  // Stores the value at idx in a registry slot for the life of the state
  // (never released; the state's close frees it) and returns the slot.
  static int keep(lua_State* L, int idx);

  // Pushes the referenced value (nil when empty) on L's stack.
  void push(lua_State* L) const;

 private:
  // Registry slots are handed out here rather than by luaL_ref, whose free
  // list lives at registry[0] in the hash part and costs two hash look-ups
  // per reference (about a thousand instructions per connection; design.md hot path).
  // Only Ref uses integer keys of the registry above Lua's own (keep() asserts
  // that the slot it takes is free in debug and sanitizer builds).
  static int take_slot();
  void release();
  static inline lua_State* main_ = nullptr;
  static inline int top_ = 0;                       // the highest slot handed out so far
  static inline std::vector<int>* free_ = nullptr;  // released slots, reused first
  int ref_ = LUA_NOREF;
};

}  // namespace nmh::lua
