// The uart module (runtime.md §4.9.2): UART 0 is the console (stdout, and
// stdin as its RX line), UART 1 is stderr.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "modules/uart/uart_data.hpp"
#include "runtime/boot.hpp"
#include "runtime/console.hpp"
#include "runtime/device.hpp"
#include "runtime/modules.hpp"

namespace nmh {

namespace {

constexpr lua_Integer kUarts = 2;
constexpr lua_Integer kMaxInput = 256;  // the firmware's LUA_MAXINPUT bounds uart.on's n
constexpr const char* kConfigKey = "uart.config";

// What uart.setup stored, per boot: the firmware sets the UARTs up afresh at
// each boot (default 115200 8N1).
struct Config {
  lua_Integer baud = 115200;
  lua_Integer bits = 8;
  lua_Integer parity = 0;
  lua_Integer stop = 1;
};

Config* configs(lua_State* L) {
  lua_getfield(L, LUA_REGISTRYINDEX, kConfigKey);
  auto* c = static_cast<Config*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  return c;
}

// MOD_CHECK_ID of the firmware.
lua_Integer check_id(lua_State* L, int idx) {
  lua_Integer id = luaL_checkinteger(L, idx);
  if (id < 0 || id >= kUarts) lua::raise(L, "uart %d does not exist", static_cast<int>(id));
  return id;
}

int uart_write(lua_State* L) {
  lua_Integer id = check_id(L, 1);
  int top = lua_gettop(L);
  // Every argument is checked before the output string exists: a Lua error
  // unwinds with longjmp, which would not destroy it.
  for (int i = 2; i <= top; ++i) {
    if (lua_type(L, i) == LUA_TNUMBER) {
      // The firmware reads the number as an unsigned size: negatives are too big as well.
      if (static_cast<size_t>(lua_tointeger(L, i)) > 255) lua::raise(L, "invalid number");
    } else {
      luaL_checktype(L, i, LUA_TSTRING);
    }
  }
  std::string out;
  for (int i = 2; i <= top; ++i) {
    if (lua_type(L, i) == LUA_TNUMBER) {
      out += static_cast<char>(lua_tointeger(L, i));
    } else {
      size_t len = 0;
      const char* s = lua_tolstring(L, i, &len);
      out.append(s, len);
    }
  }
  // Raw and never redirected by node.output (§4.9.2, §1.4).
  Device& device = Boot::from(L).device();
  if (id == 0) {
    device.console().write(out);
  } else {
    device.console().flush();  // stdout first, as before every stderr line (§1.4)
    size_t done = 0;
    while (done < out.size()) {
      ssize_t n = ::write(STDERR_FILENO, out.data() + done, out.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
  }
  return 0;
}

int uart_setup(lua_State* L) {
  lua_Integer id = check_id(L, 1);
  Config c;
  c.baud = luaL_checkinteger(L, 2);
  c.bits = luaL_checkinteger(L, 3);
  c.parity = luaL_checkinteger(L, 4);
  c.stop = luaL_checkinteger(L, 5);
  // echo (argument 6) has nothing to do on the host: the terminal echoes.
  configs(L)[id] = c;
  lua_pushinteger(L, c.baud);
  return 1;
}

int uart_getconfig(lua_State* L) {
  const Config& c = configs(L)[check_id(L, 1)];
  lua_pushinteger(L, c.baud);
  lua_pushinteger(L, c.bits);
  lua_pushinteger(L, c.parity);
  lua_pushinteger(L, c.stop);
  return 4;
}

int uart_alt(lua_State* L) {
  luaL_checkinteger(L, 1);  // swapping pins has nothing to do on the host
  return 0;
}

int uart_fifodepth(lua_State* L) {
  lua_Integer id = luaL_optinteger(L, 1, 0);
  if (id != 0 && id != 1) lua::raise_arg(L, 1, "Bad UART id; must be 0 or 1");
  lua_Integer dir = luaL_optinteger(L, 2, 0);
  if (dir != 0 && dir != 1) lua::raise_arg(L, 2, "Bad direction; must be DIR_RX or DIR_TX");
  // Writes leave at once and reads are taken as they come: the FIFOs are empty.
  lua_pushinteger(L, 0);
  return 1;
}

// uart.on("data", [n | char], fn[, run_input]); without fn: unregister.
int uart_on(lua_State* L) {
  const char* method = lua_tostring(L, 1);
  luaL_argcheck(L, method != nullptr && std::strcmp(method, "data") == 0, 1,
                "method not supported");
  int at = 2;
  size_t size = 0;
  int delim = -1;
  if (lua_type(L, at) == LUA_TNUMBER) {
    lua_Integer n = luaL_checkinteger(L, at);
    luaL_argcheck(L, n >= 0 && n < kMaxInput, at, "wrong arg range");
    size = static_cast<size_t>(n);
    ++at;
  } else if (lua_isstring(L, at) != 0) {
    size_t len = 0;
    const char* s = lua_tolstring(L, at, &len);
    if (len != 1) lua::raise(L, "wrong arg range");
    delim = static_cast<unsigned char>(s[0]);
    ++at;
  }
  Boot& boot = Boot::from(L);
  if (UartData* old = UartData::current(boot)) old->unregister();
  if (lua_isfunction(L, at)) {
    bool run_input = !(lua_isnumber(L, at + 1) != 0 && lua_tointeger(L, at + 1) == 0);
    lua::Ref callback(L, at);  // made before the object: making it may raise
    new UartData(boot, std::move(callback), size, delim, run_input);
  }
  return 0;
}

constexpr luaL_Reg kUart[] = {
    {"setup", uart_setup}, {"getconfig", uart_getconfig}, {"write", uart_write}, {"on", uart_on},
    {"alt", uart_alt},     {"fifodepth", uart_fifodepth}, {nullptr, nullptr},
};

constexpr lua::IntConst kConstants[] = {
    {"STOPBITS_1", 1},  {"STOPBITS_1_5", 3}, {"STOPBITS_2", 2},
    {"PARITY_NONE", 0}, {"PARITY_EVEN", 1},  {"PARITY_ODD", 2},
    {"DIR_RX", 0},      {"DIR_TX", 1},       {nullptr, 0},
};

}  // namespace

int open_uart(lua_State* L) {
  void* mem = lua_newuserdata(L, sizeof(Config) * kUarts);
  auto* c = static_cast<Config*>(mem);
  for (lua_Integer i = 0; i < kUarts; ++i) new (c + i) Config();
  lua_setfield(L, LUA_REGISTRYINDEX, kConfigKey);
  lua::new_lib(L, kUart, kConstants);
  return 1;
}

}  // namespace nmh
