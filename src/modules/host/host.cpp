// _HOST, the host-only global (runtime.md §4.14): what a test needs from the
// computer that the device has no module for, since io and os are absent (§3.2).
// The _UPPER name keeps it clear of script globals such as `host`.
#include <cstdlib>

#include "lua/error.hpp"
#include "lua/lua.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/modules.hpp"
#include "runtime/profile.hpp"

namespace nmh {

namespace {

// exit([n]): the status of §1.3, 0..255. The device goes on to finish the
// running callback; the shutdown (§2.7 steps 2-4) follows, as with no work left.
int host_exit(lua_State* L) {
  lua_Integer status = luaL_optinteger(L, 1, 0);
  luaL_argcheck(L, status >= 0 && status <= 255, 1, "exit status out of range (0-255)");
  Boot::from(L).device().request_exit(static_cast<int>(status));
  return 0;
}

int host_getenv(lua_State* L) {
  const char* value = std::getenv(luaL_checkstring(L, 1));
  if (value == nullptr) {
    lua_pushnil(L);
  } else {
    lua_pushstring(L, value);
  }
  return 1;
}

// gpio(pin, level) drives a simulated input (§4.11); until the gpio module
// exists there is no pin to drive, and a silent no-op would hide that.
int host_gpio(lua_State* L) {
  lua::raise(L, "_HOST.gpio needs the gpio module, which is not implemented yet");
}

constexpr luaL_Reg kHost[] = {
    {"exit", host_exit},
    {"getenv", host_getenv},
    {"gpio", host_gpio},
    {nullptr, nullptr},
};

}  // namespace

int open_host(lua_State* L) {
  const Device& device = Boot::from(L).device();
  luaL_newlib(L, kHost);
  // The ARGs after the operand (§1.1); the main chunk itself gets no varargs.
  const auto& args = device.options().args;
  lua_createtable(L, static_cast<int>(args.size()), 0);
  for (size_t i = 0; i < args.size(); ++i) {
    lua_pushlstring(L, args[i].data(), args[i].size());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);
  }
  lua_setfield(L, -2, "args");
  lua_pushlstring(L, device.profile().name.data(), device.profile().name.size());
  lua_setfield(L, -2, "profile");
  // In effect, not as typed: --strict is ignored under the host profile (§1.2).
  lua_pushboolean(L, device.strict() ? 1 : 0);
  lua_setfield(L, -2, "strict");
  lua_pushliteral(L, NODEMCU_HOST_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}

}  // namespace nmh
