#include "runtime/modules.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "lua/error.hpp"

namespace nmh {

namespace {

// Modules the host does not emulate (yet) are tables whose every field access
// raises, so a script never sees a bare nil-call error (runtime.md §4.0).
constexpr ModuleEntry kModules[] = {
    {"bit", open_bit},
    {"file", open_file},
    {"net", open_net},
    {"node", open_node},
    {"pipe", open_pipe},
    {"tmr", open_tmr},
    {"uart", open_uart},
    // Later issues: tls, wifi, sjson, encoder, crypto, gpio, rtctime, sntp.
    {"crypto", nullptr},
    {"encoder", nullptr},
    {"gpio", nullptr},
    {"rtctime", nullptr},
    {"sjson", nullptr},
    {"sntp", nullptr},
    {"tls", nullptr},
    {"wifi", nullptr},
    // Hardware and protocol modules the host never emulates.
    {"adc", nullptr},
    {"dht", nullptr},
    {"enduser_setup", nullptr},
    {"http", nullptr},
    {"i2c", nullptr},
    {"mdns", nullptr},
    {"mqtt", nullptr},
    {"ow", nullptr},
    {"pwm", nullptr},
    {"spi", nullptr},
    {"websocket", nullptr},
    {nullptr, nullptr},
};

bool selected(const Options& options, const char* name) {
  if (!options.modules) return true;
  const auto& list = *options.modules;
  return std::find(list.begin(), list.end(), name) != list.end();
}

int stub_index(lua_State* L) {
  const char* module = lua_tostring(L, lua_upvalueindex(1));
  const char* field = luaL_tolstring(L, 2, nullptr);
  lua::raise(L, "module '%s' is not supported on nodemcu-host (%s.%s)", module, module, field);
}

void push_stub(lua_State* L, const char* name) {
  lua_newtable(L);
  lua_createtable(L, 0, 1);
  lua_pushstring(L, name);
  lua_pushcclosure(L, stub_index, 1);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
}

}  // namespace

const ModuleEntry* module_entries() {
  return kModules;
}

size_t module_count() {
  return std::size(kModules) - 1;
}

bool validate_modules(const Options& options, std::string& error) {
  if (!options.modules) return true;
  for (const std::string& name : *options.modules) {
    bool known = false;
    for (const ModuleEntry* m = kModules; m->name != nullptr; ++m) {
      if (name == m->name) known = true;
    }
    if (!known) {
      error = "unknown module '" + name + "' in --modules";
      return false;
    }
  }
  return true;
}

void open_modules(lua_State* L, const Options& options) {
  int rom = lua_gettop(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  int loaded = lua_gettop(L);
  for (const ModuleEntry* m = kModules; m->name != nullptr; ++m) {
    if (!selected(options, m->name)) continue;
    if (m->open != nullptr) {
      lua_pushcfunction(L, m->open);
      lua_call(L, 0, 1);
    } else {
      push_stub(L, m->name);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, loaded, m->name);
    lua_setfield(L, rom, m->name);
  }
  lua_settop(L, rom);
}

std::string module_list(const Options& options) {
  std::string out;
  for (const ModuleEntry* m = kModules; m->name != nullptr; ++m) {
    if (m->open == nullptr || !selected(options, m->name)) continue;
    if (!out.empty()) out += ',';
    out += m->name;
  }
  return out;
}

}  // namespace nmh
