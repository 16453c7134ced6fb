// What every net object shares with its Lua userdata (design.md, object
// lifetime): whether a userdata still owns it, the anchor that keeps
// the userdata alive while the object is active (net.md §10.1), and a free
// deferred to a later loop turn, since C++ frames of its own events may still
// be running when it is collected.
#pragma once

#include "lua/ref.hpp"
#include "runtime/resource.hpp"

namespace nmh::net {

class NetObject : public Resource {
 protected:
  explicit NetObject(Boot& boot) : Resource(boot) {}

  // Still owned by a userdata (false once collected or torn down).
  bool attached() const { return attached_; }
  // Lets go of Lua (the anchor) and frees the object on a later loop turn;
  // keep: not yet, a lookup still holds it (bury() once it answers).
  void release_lua(bool keep = false);
  void bury();
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

  // anchor_, attached_ and buried_ share one 8-byte row, and a derived
  // class's one- and two-byte fields fill the rest of it (memory per connection:
  // at most 0.5 KB per held connection, bench/README.md targets).
  lua::Ref anchor_;

 private:
  bool attached_ = true;
  bool buried_ = false;
};

}  // namespace nmh::net
