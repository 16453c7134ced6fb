#include "modules/tmr/timer.hpp"

#include "runtime/boot.hpp"

namespace nmh {

Timer::Timer(Boot& boot) : Resource(boot) {
  uv_timer_init(boot.loop(), &handle_);
  handle_.data = this;
}

void Timer::set(uint32_t interval_ms, Mode mode, lua::Ref callback) {
  disarm();
  interval_ms_ = interval_ms;
  mode_ = mode;
  callback_ = std::move(callback);
}

void Timer::arm(lua_State* L, int self_idx) {
  uint64_t repeat = mode_ == automatic ? interval_ms_ : 0;
  // libuv counts from the loop's cached time, taken before the running
  // callback or main chunk began; the device counts from the call (§4.1).
  uv_update_time(boot().loop());
  uv_timer_start(&handle_, on_fire, interval_ms_, repeat);
  if (!anchor_) anchor_ = lua::Ref(L, self_idx);
}

void Timer::disarm() {
  uv_timer_stop(&handle_);
  anchor_.reset();
}

void Timer::set_interval(uint32_t interval_ms) {
  interval_ms_ = interval_ms;
  if (running()) {
    uint64_t repeat = mode_ == automatic ? interval_ms_ : 0;
    uv_update_time(boot().loop());  // re-armed from now, as in arm()
    uv_timer_start(&handle_, on_fire, interval_ms_, repeat);
  }
}

void Timer::unregister() {
  disarm();
  callback_.reset();
}

void Timer::detach() {
  unregister();
  auto* h = reinterpret_cast<uv_handle_t*>(&handle_);
  if (uv_is_closing(h) == 0) {
    uv_close(h, [](uv_handle_t* handle) { delete static_cast<Timer*>(handle->data); });
  }
}

void Timer::on_fire(uv_timer_t* handle) {
  auto* self = static_cast<Timer*>(handle->data);
  lua_State* L = self->boot().L();
  self->callback_.push(L);
  self->anchor_.push(L);
  if (self->mode_ == single) {
    // A SINGLE timer is unregistered before its callback runs: inside it,
    // state() is nil and start() false (§4.1).
    self->unregister();
  } else if (self->mode_ == semi) {
    self->anchor_.reset();  // idle and registered: collectable until re-armed
  }
  self->boot().invoke(1, CallbackKind::tmr);
}

}  // namespace nmh
