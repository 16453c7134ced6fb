// What every net object shares with its Lua userdata (design.md, object
// lifetime): the box it clears when it lets go of Lua, the anchor that keeps
// the userdata alive while the object is active (net.md §10.1), and a free
// deferred to a later loop turn, since C++ frames of its own events may still
// be running when it is collected.
#pragma once

#include "lua/ref.hpp"
#include "runtime/resource.hpp"

namespace nmh::net {

class NetObject : public Resource {
 protected:
  NetObject(Boot& boot, void* box) : Resource(boot), box_(static_cast<void**>(box)) {}

  // Still owned by a userdata (false once collected or torn down).
  bool attached() const { return box_ != nullptr; }
  // Clears the box and the anchor, and frees the object on a later loop turn.
  void release_lua();
  // Anchors the userdata at self_idx while active, lets it go when not (0: only release).
  void set_anchor(lua_State* L, bool active, int self_idx);
  // Calls callback(self, the nargs values on top of the stack) through the
  // invoke path; without a callback or an anchor, drops the values.
  void emit(const lua::Ref& callback, int nargs);
  // The same in two steps, for values pushed after the callback (no stack
  // rotation, design.md hot path): begin_emit pushes the handler, callback
  // and self and returns true, or pushes nothing and returns false; the
  // caller then pushes nargs values and calls end_emit.
  bool begin_emit(const lua::Ref& callback);
  void end_emit(int nargs);
  // Stores a callback (nil removes it), warning W-NET5 if it captures self at index 1.
  static void store_callback(lua_State* L, lua::Ref& slot, int idx, const char* event_name);

  // box_ first: anchor_ and buried_ then share one 8-byte row, and a derived
  // class's one- and two-byte fields fill the rest of it (memory per connection:
  // at most 0.5 KB per held connection, bench/README.md targets).
 private:
  void** box_;

 protected:
  lua::Ref anchor_;

 private:
  bool buried_ = false;
};

}  // namespace nmh::net
