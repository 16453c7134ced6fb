// The tmr module (runtime.md §4.1).
#include <time.h>

#include <cerrno>
#include <cstdint>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "modules/tmr/timer.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/gc_detach.hpp"
#include "runtime/modules.hpp"

namespace nmh {

namespace {

// The ESP8266 source stringifies its hex macro into the message.
constexpr lua_Integer kMaxTimeout = 6870947;
constexpr const char* kRangeMessage = "Range: 1-0x68D7A3";

Timer* check_timer(lua_State* L) {
  Timer* t = *lua::check_box<Timer>(L, 1, Timer::kMetatable);
  if (t == nullptr) lua::raise(L, "timer is gone");
  return t;
}

uint32_t check_interval(lua_State* L, int idx) {
  lua_Integer ms = luaL_checkinteger(L, idx);
  luaL_argcheck(L, ms >= 1 && ms <= kMaxTimeout, idx, kRangeMessage);
  return static_cast<uint32_t>(ms);
}

int tmr_create(lua_State* L) {
  auto** box = lua::new_box<Timer>(L, nullptr, Timer::kMetatable);
  *box = new Timer(Boot::from(L));
  return 1;
}

int timer_register(lua_State* L) {
  Timer* t = check_timer(L);
  uint32_t ms = check_interval(L, 2);
  lua_Integer mode = luaL_checkinteger(L, 3);
  luaL_argcheck(L, mode == Timer::single || mode == Timer::semi || mode == Timer::automatic, 3,
                "Invalid mode");
  luaL_argcheck(L, lua_isfunction(L, 4), 4, "Must be function");
  t->set(ms, static_cast<Timer::Mode>(mode), lua::Ref(L, 4));
  return 0;
}

int timer_start(lua_State* L) {
  Timer* t = check_timer(L);
  luaL_argcheck(L, lua_isnoneornil(L, 2) || lua_isboolean(L, 2), 2, "boolean expected");
  bool restart = lua_toboolean(L, 2) != 0;
  if (!t->registered() || (t->running() && !restart)) {
    lua_pushboolean(L, 0);
    return 1;
  }
  t->arm(L, 1);
  lua_pushboolean(L, 1);
  return 1;
}

int timer_alarm(lua_State* L) {
  timer_register(L);
  check_timer(L)->arm(L, 1);
  lua_pushboolean(L, 1);
  return 1;
}

int timer_stop(lua_State* L) {
  Timer* t = check_timer(L);
  bool was_running = t->running();
  t->disarm();
  lua_pushboolean(L, was_running ? 1 : 0);
  return 1;
}

int timer_unregister(lua_State* L) {
  check_timer(L)->unregister();
  return 0;
}

int timer_interval(lua_State* L) {
  Timer* t = check_timer(L);
  uint32_t ms = check_interval(L, 2);
  if (t->registered()) t->set_interval(ms);
  return 0;
}

int timer_state(lua_State* L) {
  Timer* t = check_timer(L);
  if (!t->registered()) {
    lua_pushnil(L);
    return 1;
  }
  lua_pushboolean(L, t->running() ? 1 : 0);
  lua_pushinteger(L, t->mode());
  return 2;
}

int tmr_now(lua_State* L) {
  // µs since boot, wrapped to 31 bits as the device's (§4.1).
  lua_pushinteger(L, static_cast<lua_Integer>(Boot::from(L).uptime_us() & 0x7FFFFFFF));
  return 1;
}

int tmr_time(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(Boot::from(L).uptime_us() / 1000000));
  return 1;
}

int tmr_ccount(lua_State* L) {
  Boot& boot = Boot::from(L);
  uint64_t cycles = boot.uptime_us() * static_cast<uint64_t>(boot.device().persistent().cpu_mhz);
  lua_pushinteger(L, static_cast<int32_t>(static_cast<uint32_t>(cycles)));
  return 1;
}

int tmr_delay(lua_State* L) {
  // The firmware casts the argument to a signed 32-bit integer before its
  // range check (runtime.md §4.1): 2^31 and 2^32 raise, -4294967295 is 1 µs.
  auto us = static_cast<int32_t>(static_cast<uint32_t>(luaL_checkinteger(L, 1)));
  luaL_argcheck(L, us > 0, 1, "wrong arg range");
  // The device busy-waits; the whole runtime blocks here too, without spinning.
  // A signal or --timeout ends the wait so the shutdown of §2.7 is not delayed.
  timespec ts{static_cast<time_t>(us / 1000000), static_cast<long>((us % 1000000) * 1000)};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !signal_pending()) {
  }
  return 0;
}

int tmr_wdclr(lua_State* /*L*/) {
  return 0;
}

int tmr_softwd(lua_State* L) {
  Boot::from(L).set_softwd(luaL_checkinteger(L, 1));
  return 0;
}

constexpr luaL_Reg kTimerMethods[] = {
    {"register", timer_register},     {"alarm", timer_alarm},
    {"start", timer_start},           {"stop", timer_stop},
    {"unregister", timer_unregister}, {"interval", timer_interval},
    {"state", timer_state},           {nullptr, nullptr},
};

constexpr luaL_Reg kTmr[] = {
    {"create", tmr_create}, {"now", tmr_now},     {"time", tmr_time},     {"ccount", tmr_ccount},
    {"delay", tmr_delay},   {"wdclr", tmr_wdclr}, {"softwd", tmr_softwd}, {nullptr, nullptr},
};

constexpr lua::IntConst kConstants[] = {
    {"ALARM_SINGLE", Timer::single},
    {"ALARM_AUTO", Timer::automatic},
    {"ALARM_SEMI", Timer::semi},
    {nullptr, 0},
};

}  // namespace

int open_tmr(lua_State* L) {
  lua::new_class(L, Timer::kMetatable, kTimerMethods, gc_detach<Timer>);
  lua_pop(L, 1);
  lua::new_lib(L, kTmr, kConstants);
  return 1;
}

}  // namespace nmh
