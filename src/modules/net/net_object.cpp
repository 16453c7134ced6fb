#include "modules/net/net_object.hpp"

#include "modules/net/context.hpp"
#include "modules/net/socket_common.hpp"
#include "runtime/boot.hpp"

namespace nmh::net {

void NetObject::release_lua(bool keep) {
  anchor_.reset();
  attached_ = false;
  if (!keep) bury();
}

void NetObject::bury() {
  if (!buried_) {
    buried_ = true;
    NetContext::of(boot()).bury(this);
  }
}

void NetObject::set_anchor(lua_State* L, bool active, int self_idx) {
  if (active && !anchor_ && self_idx != 0) {
    anchor_ = lua::Ref(L, self_idx);
  } else if (!active) {
    anchor_.reset();
  }
}

void NetObject::emit(const lua::Ref& callback, int nargs) {
  lua_State* L = boot().L();
  if (!begin_emit(callback)) {
    lua_pop(L, nargs);
    return;
  }
  lua_rotate(L, -(nargs + 3), 3);  // handler, callback, self below the values
  end_emit(nargs);
}

bool NetObject::begin_emit(const lua::Ref& callback) {
  if (!callback || !anchor_) return false;
  lua_State* L = boot().L();
  Boot::push_handler(L);
  callback.push(L);
  anchor_.push(L);
  return true;
}

void NetObject::end_emit(int nargs) {
  boot().invoke_handled(nargs + 1, CallbackKind::net);  // drops everything once the boot is halted
}

void NetObject::store_callback(lua_State* L, lua::Ref& slot, int idx, const char* event_name) {
  if (lua_isfunction(L, idx)) warn_self_capture(L, 1, idx, event_name);
  slot = lua::Ref(L, idx);
}

}  // namespace nmh::net
