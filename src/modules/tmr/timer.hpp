// A tmr timer object (runtime.md §4.1): the C++ object owns the uv timer and
// the callback; the Lua userdata holds only a pointer (design.md).
#pragma once

#include <uv.h>

#include <cstdint>

#include "lua/ref.hpp"
#include "runtime/resource.hpp"

namespace nmh {

class Timer final : public Resource {
 public:
  static constexpr const char* kMetatable = "tmr.timer";
  enum Mode : lua_Integer { single = 0, automatic = 1, semi = 2 };

  explicit Timer(Boot& boot);

  void set(uint32_t interval_ms, Mode mode, lua::Ref callback);
  bool registered() const { return static_cast<bool>(callback_); }
  bool running() const { return uv_is_active(reinterpret_cast<const uv_handle_t*>(&handle_)) != 0; }
  Mode mode() const { return mode_; }
  // Arms from now; anchors the userdata at self_idx so a dropped timer keeps firing.
  void arm(lua_State* L, int self_idx);
  void disarm();
  void set_interval(uint32_t interval_ms);
  void unregister();
  // __gc and teardown: drop every reference and close; freed when closed.
  void detach();
  void shutdown(bool /*graceful*/) override { detach(); }

 private:
  static void on_fire(uv_timer_t* handle);

  uv_timer_t handle_{};
  lua::Ref callback_;
  lua::Ref anchor_;
  uint32_t interval_ms_ = 0;
  Mode mode_ = single;
};

}  // namespace nmh
