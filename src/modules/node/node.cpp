// The node module (runtime.md §4.2.1). Device identity comes from --chipid and
// fixed numbers of a common 4 MB board; what must outlive a restart lives in
// Device::persistent() (§2.5), everything else in the boot's Lua state.
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "modules/node/lfs.hpp"
#include "modules/node/node_console.hpp"
#include "runtime/boot.hpp"
#include "runtime/bytecode.hpp"
#include "runtime/device.hpp"
#include "runtime/flash.hpp"
#include "runtime/lualib.hpp"
#include "runtime/modules.hpp"
#include "runtime/profile.hpp"

namespace nmh {

namespace {

constexpr lua_Integer kFlashId = 1458415;  // 0x1640EF, a common 4 MB part (§4.2.1)
constexpr lua_Integer kFlashSize = 4194304;
constexpr lua_Integer kFlashMode = 2;
constexpr lua_Integer kFlashSpeed = 40000000;
constexpr lua_Integer kSpiffsAddr = 0x100000;
constexpr lua_Integer kCpu80 = 80;
constexpr lua_Integer kCpu160 = 160;
// dsleep: us must stay below this (§2.6); dsleepMax is a host constant.
constexpr uint64_t kDsleepLimit = 36000000000ULL;
constexpr lua_Number kDsleepMax = 13743895347.0;

// The firmware's default LUAI_OPTIMIZE_DEBUG 1 keeps line numbers: level 2.
// It is a property of the Lua state, so every boot starts from it again.
constexpr lua_Integer kDefaultStripLevel = 2;
constexpr const char* kStripKey = "nodemcu-host.stripdebug";

constexpr std::string_view kCommitId = "36cbf9f017d356319a6369e299765eedff191154";

Persistent& persistent(lua_State* L) {
  return Boot::from(L).device().persistent();
}

// platform_print_deprecation_note: the firmware's printf, straight to the UART.
void deprecation_note(lua_State* L, std::string_view what, std::string_view when) {
  Boot::from(L).device().console().write("Warning, deprecated API! " + std::string(what) +
                                         ". It will be removed " + std::string(when) +
                                         ". See documentation for details.\n");
}

// The module list as a Lua string; LUA_OK or the status of the failed push.
int push_module_list(lua_State* L, const Options& options) {
  std::string modules = module_list(options);
  return lua::push_string(L, modules);
}

void set_int(lua_State* L, const char* field, lua_Integer value) {
  lua_pushinteger(L, value);
  lua_setfield(L, -2, field);
}

void set_string(lua_State* L, const char* field, std::string_view value) {
  lua_pushlstring(L, value.data(), value.size());
  lua_setfield(L, -2, field);
}

int node_heap(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(Boot::from(L).heap().free_bytes()));
  return 1;
}

int node_restart(lua_State* L) {
  // Returns; the callback finishes, then teardown and a fresh boot (§2.5).
  Boot::from(L).device().request_restart("node.restart()", false);
  return 0;
}

int node_chipid(lua_State* L) {
  lua_pushinteger(L, Boot::from(L).device().options().chipid);
  return 1;
}

int node_flashid(lua_State* L) {
  lua_pushinteger(L, kFlashId);
  return 1;
}

int node_flashsize(lua_State* L) {
  lua_pushinteger(L, kFlashSize);
  return 1;
}

int node_info(lua_State* L) {
  static const char* const kGroups[] = {"lfs",          "hw",     "sw_version",
                                        "build_config", "legacy", nullptr};
  const Options& options = Boot::from(L).device().options();
  switch (luaL_checkoption(L, 1, "legacy", kGroups)) {
    case 0:
      lfs::push_config(L);
      return 1;
    case 1:
      lua_createtable(L, 0, 5);
      set_int(L, "chip_id", options.chipid);
      set_int(L, "flash_id", kFlashId);
      set_int(L, "flash_size", kFlashSize / 1024);
      set_int(L, "flash_mode", kFlashMode);
      set_int(L, "flash_speed", kFlashSpeed);
      return 1;
    case 2:
      lua_createtable(L, 0, 7);
      set_int(L, "node_version_major", 3);
      set_int(L, "node_version_minor", 0);
      set_int(L, "node_version_revision", 0);
      set_string(L, "git_branch", "release");
      set_string(L, "git_commit_id", kCommitId);
      set_string(L, "git_release", "3.0.0-release_20240225");
      set_string(L, "git_commit_dts", "202402250804");
      return 1;
    case 3:
      lua_createtable(L, 0, 4);
      // The banner's "SSL:" line says the same (runtime.md §1.4).
      lua_pushboolean(L, 0);
      lua_setfield(L, -2, "ssl");
      set_int(L, "lfs_size", lfs::capacity(L));
      if (push_module_list(L, options) != LUA_OK) return lua_error(L);
      lua_setfield(L, -2, "modules");
      // The host equals a double build under 5.3 and the float build under 5.1 (§3.1).
      set_string(L, "number_type", LUA_VERSION_NUM >= 503 ? "double" : "float");
      return 1;
    default:
      deprecation_note(L, "node.info() without parameter", "in the next version");
      lua_pushinteger(L, 3);
      lua_pushinteger(L, 0);
      lua_pushinteger(L, 0);
      lua_pushinteger(L, options.chipid);
      lua_pushinteger(L, kFlashId);
      lua_pushinteger(L, kFlashSize / 1024);
      lua_pushinteger(L, kFlashMode);
      lua_pushinteger(L, kFlashSpeed);
      return 8;
  }
}

int node_uptime(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(Boot::from(L).uptime_us()));
  lua_pushinteger(L, 0);
  return 2;
}

int task_post(lua_State* L) {
  int n = 1;
  lua_Integer priority = static_cast<lua_Integer>(Priority::medium);
  if (lua_type(L, 1) == LUA_TNUMBER) {
    priority = luaL_checkinteger(L, 1);
    // Two spaces: the firmware's message, verbatim.
    luaL_argcheck(L, priority >= 0 && priority <= 2, 1, "invalid  priority");
    n = 2;
  }
  luaL_checktype(L, n, LUA_TFUNCTION);
  Boot& boot = Boot::from(L);
  PostResult r = PostResult::queued;
  {
    // The reference first: making it may raise (out of memory), which must
    // not happen while the location string is alive.
    lua::Ref task(L, n);
    // W-TASKQ past the device's queue depth; refused under --strict (§2.3, §5.4).
    r = boot.post(static_cast<Priority>(priority), std::move(task), lua::where(L, 1));
  }
  if (r == PostResult::refused) lua::raise(L, "Task queue overflow. Task not posted");
  return 0;
}

int node_setonerror(lua_State* L) {
  // nil in the registry is the default handler, which Boot applies (§2.4.1).
  lua_settop(L, 1);
  if (!lua_isfunction(L, 1)) {
    lua_pop(L, 1);
    lua_pushnil(L);
  }
  lua_setfield(L, LUA_REGISTRYINDEX, Boot::kOnErrorKey);
  return 0;
}

int egc_setmode(lua_State* L) {
  // Checks only: the host's collector is not the 5.1 firmware's EGC.
  auto mode = static_cast<lua_Unsigned>(luaL_checkinteger(L, 1));
  lua_Integer limit = luaL_optinteger(L, 2, 0);
  luaL_argcheck(L, mode <= 7, 1, "invalid mode");
  // The firmware names argument 1 here too.
  luaL_argcheck(L, (mode & 2) == 0 || limit != 0, 1, "limit must be non-zero");
  return 0;
}

int egc_meminfo(lua_State* L) {
  auto in_use = static_cast<lua_Integer>(Boot::from(L).heap().in_use());
  lua_pushinteger(L, in_use);
  lua_pushinteger(L, in_use);
  return 2;
}

lua_Integer strip_level(lua_State* L) {
  lua_getfield(L, LUA_REGISTRYINDEX, kStripKey);
  lua_Integer level = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : kDefaultStripLevel;
  lua_pop(L, 1);
  return level;
}

bool write_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Writes the function on top of the stack as bytecode to stem + ".lc"; the
// error message, or nullptr. The raising is left to the caller, since the
// strings here would not be destroyed by a longjmp.
const char* write_bytecode(lua_State* L, std::string_view stem) {
  // Host Lua strips all debug information or none: level 3 strips it, levels
  // 1 and 2 keep it, so line numbers survive as on the device's default.
  int strip = strip_level(L) >= 3 ? 1 : 0;
  std::string output = std::string(stem) + ".lc";
  int fd =
      flash::open_file(Boot::from(L).device().root_fd(), output, O_WRONLY | O_CREAT | O_TRUNC).fd;
  if (fd < 0) return "cannot open/write to file";
  std::string chunk;
  (void)bytecode::dump(L, strip != 0, chunk);  // a Lua function: it dumps
  bool ok = write_all(fd, chunk);
  if (::close(fd) != 0) ok = false;
  return ok ? nullptr : "writing to file failed";
}

int node_compile(lua_State* L) {
  size_t len = 0;
  const char* fname = luaL_checklstring(L, 1, &len);
  std::string_view name(fname, len);
  luaL_argcheck(L, flash::base_name_valid(name), 1, "filename invalid");
  if (len < 4 || name.substr(len - 4) != ".lua") lua::raise(L, "not a .lua file");
  if (load_flash_chunk(L, fname) != LUA_OK) lua::raise(L, "%s", lua_tostring(L, -1));
  if (const char* error = write_bytecode(L, name.substr(0, len - 4))) {
    lua::raise(L, "%s", error);
  }
  return 0;
}

int node_startupcommand(lua_State* L) {
  size_t len = 0;
  const char* cmd = luaL_checklstring(L, 1, &len);
  Persistent& p = persistent(L);
  p.startup_command.assign(cmd, len);
  p.startup_set = true;
  lua_pushboolean(L, 1);
  return 1;
}

int node_startup(lua_State* L) {
  Persistent& p = persistent(L);
  if (lua_gettop(L) > 0) {
    luaL_checktype(L, 1, LUA_TTABLE);
    // Options not named keep their stored values; an empty table resets all.
    int entries = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
      int key_type = lua_type(L, -2);
      if (key_type == LUA_TSTRING || key_type == LUA_TNUMBER) ++entries;
      std::string_view key = key_type == LUA_TSTRING ? lua_tostring(L, -2) : "";
      if (key == "command") {
        size_t len = 0;
        const char* cmd = luaL_checklstring(L, -1, &len);
        p.startup_command.assign(cmd, len);
        p.startup_set = true;
      } else if (key == "banner") {
        p.startup_banner = lua_toboolean(L, -1) != 0;
      } else if (key == "frequency") {
        p.startup_frequency = lua_tointeger(L, -1) == kCpu160 ? 160 : 80;
      } else if (key == "delay_mount") {
        p.startup_delay_mount = lua_toboolean(L, -1) != 0 ? 1 : 0;
      }
      lua_pop(L, 1);
    }
    if (entries == 0) {
      p.startup_banner = true;
      p.startup_frequency = 80;
      p.startup_delay_mount = 0;
      p.startup_command.clear();
      p.startup_set = false;
    }
  }
  lua_createtable(L, 0, 4);
  if (p.startup_set) set_string(L, "command", p.startup_command);
  lua_pushboolean(L, p.startup_banner ? 1 : 0);
  lua_setfield(L, -2, "banner");
  lua_pushboolean(L, p.startup_delay_mount != 0 ? 1 : 0);
  lua_setfield(L, -2, "delay_mount");
  set_int(L, "frequency", p.startup_frequency == 160 ? kCpu160 : kCpu80);
  return 1;
}

int node_bootreason(lua_State* L) {
  const Persistent& p = persistent(L);
  lua_pushinteger(L, p.boot_raw);
  lua_pushinteger(L, p.boot_extended);
  return 2;
}

int node_dsleep(lua_State* L) {
  // The firmware swaps luaL_argcheck's condition and argument number, so its
  // two checks never fire on a device; the contract (§2.6) states them.
  if (lua_isnumber(L, 2) != 0) {
    luaL_argcheck(L, static_cast<lua_Unsigned>(lua_tointeger(L, 2)) <= 4, 2, "wrong option value");
  }
  if (lua_isnumber(L, 1) == 0) return 0;  // nil: the option only
  uint64_t us = 0;
  bool valid = true;
  if (lua_isinteger(L, 1) != 0) {
    lua_Integer v = lua_tointeger(L, 1);
    valid = v >= 0;
    us = static_cast<uint64_t>(v);
  } else {
    lua_Number v = lua_tonumber(L, 1);
    valid = v >= 0 && v < static_cast<lua_Number>(kDsleepLimit);
    us = valid ? static_cast<uint64_t>(v) : 0;
  }
  luaL_argcheck(L, valid && us < kDsleepLimit, 1, "invalid time value");
  Boot& boot = Boot::from(L);
  Device& device = boot.device();
  if (us == 0 || device.options().on_dsleep == OnDsleep::exit) {
    std::string what =
        us == 0 ? "node.dsleep(0): the device sleeps until reset"
                : "node.dsleep(" + std::to_string(us) + "): the device sleeps, then reboots";
    device.diagnostics().report(diag::kDsleep, {what + "; ending the run (--on-dsleep exit)"},
                                lua::where(L, 1));
    device.request_exit(0);
  } else {
    device.request_dsleep(us);
  }
  return 0;
}

int node_dsleepmax(lua_State* L) {
  lua_pushnumber(L, kDsleepMax);  // a float, as the firmware computes it
  return 1;
}

int node_sleep(lua_State* L) {
  lua::raise(L, "node.sleep() is unavailable");
}

int node_getcpufreq(lua_State* L) {
  lua_pushinteger(L, persistent(L).cpu_mhz);
  return 1;
}

int node_setcpufreq(lua_State* L) {
  lua_Integer f = luaL_checkinteger(L, 1);
  int mhz = f == kCpu160 ? 160 : 80;
  persistent(L).cpu_mhz = mhz;
  lua_pushinteger(L, mhz);
  return 1;
}

lua_Unsigned random_value() {
  lua_Unsigned v = 0;
  auto* p = reinterpret_cast<char*>(&v);
  size_t got = 0;
  while (got < sizeof v) {
    ssize_t n = getrandom(p + got, sizeof v - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    got += static_cast<size_t>(n);
  }
  return v;
}

int node_random(lua_State* L) {
  lua_Integer l = 1;
  lua_Integer u = 0;
  switch (lua_gettop(L)) {
    case 0:
      // 53 random bits: a uniform double in [0, 1).
      lua_pushnumber(L, static_cast<lua_Number>(random_value() >> 11) * 0x1.0p-53);
      return 1;
    case 1:
      u = luaL_checkinteger(L, 1);
      break;
    case 2:
      l = luaL_checkinteger(L, 1);
      u = luaL_checkinteger(L, 2);
      break;
    default:
      lua::raise(L, "wrong number of arguments");
  }
  luaL_argcheck(L, l <= u, 2, "interval is empty");
  lua_Unsigned range = static_cast<lua_Unsigned>(u) - static_cast<lua_Unsigned>(l) + 1;
  lua_Unsigned v = random_value();
  if (range != 0) {
    // Rejection keeps every value of the interval equally likely.
    lua_Unsigned limit = ~lua_Unsigned{0} - (~lua_Unsigned{0} % range);
    while (v >= limit) v = random_value();
    v %= range;
  }
  lua_pushinteger(L, static_cast<lua_Integer>(static_cast<lua_Unsigned>(l) + v));
  return 1;
}

int node_restore(lua_State* /*L*/) {
  // The saved wifi configuration belongs to the wifi module, which is not
  // emulated yet; with it, this resets its saved mode and station config.
  return 0;
}

int node_stripdebug(lua_State* L) {
  int n = lua_gettop(L);
  lua_Integer strip = 0;
  lua_settop(L, 2);
  if (!lua_isnil(L, 1)) {
    strip = lua_tointeger(L, 1);
    luaL_argcheck(L, strip > 0 && strip < 4, 1, "Invalid strip level");
  }
  if (lua_isnumber(L, 2) != 0) {
    // A stack level stands for the function running there.
    lua_Integer scope = luaL_checkinteger(L, 2);
    if (scope > 0) {
      lua_Debug ar;
      lua_pop(L, 1);
      if (lua_getstack(L, static_cast<int>(scope), &ar) != 0) lua_getinfo(L, "f", &ar);
    }
  }
  bool is_function = lua_isfunction(L, 2);
  luaL_argcheck(L, n < 2 || is_function, 2, "not a valid function");
  if (is_function) {
    // Host Lua cannot strip a loaded function in place: nothing stripped.
    lua_pushinteger(L, lua_iscfunction(L, 2) || strip == 0 ? -1 : 0);
    return 1;
  }
  if (strip != 0) {
    lua_pushinteger(L, strip);
    lua_setfield(L, LUA_REGISTRYINDEX, kStripKey);
  }
  lua_pushinteger(L, strip_level(L));
  return 1;
}

int node_getpartitiontable(lua_State* L) {
  const Profile& profile = Boot::from(L).profile();
  lua_Integer spiffs =
      profile.fs_total != 0 ? static_cast<lua_Integer>(profile.fs_total) : kFlashSize - kSpiffsAddr;
  lua_createtable(L, 0, 4);
  set_int(L, "lfs_addr", 0);
  set_int(L, "lfs_size", lfs::capacity(L));
  set_int(L, "spiffs_addr", kSpiffsAddr);
  set_int(L, "spiffs_size", spiffs);
  return 1;
}

int not_supported(lua_State* L) {
  lua::raise(L, "%s is not supported on nodemcu-host", lua_tostring(L, lua_upvalueindex(1)));
}

constexpr luaL_Reg kNode[] = {
    {"heap", node_heap},
    {"info", node_info},
    {"flashreload", lfs::flashreload},
    {"flashindex", lfs::get},
    {"setonerror", node_setonerror},
    {"startupcommand", node_startupcommand},
    {"startup", node_startup},
    {"restart", node_restart},
    {"dsleep", node_dsleep},
    {"dsleepMax", node_dsleepmax},
    {"sleep", node_sleep},
    {"chipid", node_chipid},
    {"flashid", node_flashid},
    {"flashsize", node_flashsize},
    {"input", node_input},
    {"output", node_output},
    {"compile", node_compile},
    {"setcpufreq", node_setcpufreq},
    {"getcpufreq", node_getcpufreq},
    {"bootreason", node_bootreason},
    {"restore", node_restore},
    {"random", node_random},
    {"stripdebug", node_stripdebug},
    {"getpartitiontable", node_getpartitiontable},
    {"uptime", node_uptime},
    {nullptr, nullptr},
};

constexpr lua::IntConst kNodeConstants[] = {
    {"CPU80MHZ", kCpu80},
    {"CPU160MHZ", kCpu160},
    {nullptr, 0},
};

constexpr luaL_Reg kTask[] = {
    {"post", task_post},
    {nullptr, nullptr},
};

constexpr lua::IntConst kTaskConstants[] = {
    {"LOW_PRIORITY", static_cast<lua_Integer>(Priority::low)},
    {"MEDIUM_PRIORITY", static_cast<lua_Integer>(Priority::medium)},
    {"HIGH_PRIORITY", static_cast<lua_Integer>(Priority::high)},
    {nullptr, 0},
};

constexpr luaL_Reg kEgc[] = {
    {"setmode", egc_setmode},
    {"meminfo", egc_meminfo},
    {nullptr, nullptr},
};

constexpr lua::IntConst kEgcConstants[] = {
    {"NOT_ACTIVE", 0}, {"ON_ALLOC_FAILURE", 1}, {"ON_MEM_LIMIT", 2}, {"ALWAYS", 4}, {nullptr, 0},
};

// In the firmware build but not emulated (§4.2.1, §4.0).
constexpr const char* kNotSupported[] = {"setpartitiontable"};

}  // namespace

int open_node(lua_State* L) {
  Persistent& p = persistent(L);
  // The CPU comes up at 80 MHz, or at the frequency node.startup chose (§4.2.1).
  p.cpu_mhz = p.startup_frequency;

  // task, egc, LFS and the functions that are not supported come on top.
  lua::new_lib(L, kNode, kNodeConstants, 3 + static_cast<int>(std::size(kNotSupported)));
  int node = lua_gettop(L);
  for (const char* name : kNotSupported) {
    lua_pushfstring(L, "node.%s", name);
    lua_pushcclosure(L, not_supported, 1);
    lua_setfield(L, node, name);
  }

  lua::new_lib(L, kTask, kTaskConstants);
  lua_setfield(L, node, "task");

  lua::new_lib(L, kEgc, kEgcConstants);
#if LUA_VERSION_NUM >= 503
  // node.egc exists only in the 5.1 firmware (§4.2.1).
  mark_absent(L, -1, "setmode", "node.egc.setmode");
  mark_absent(L, -1, "meminfo", "node.egc.meminfo");
#endif
  lua_setfield(L, node, "egc");

  // node.uptime is an ESP32 function (§4.2.1).
  mark_absent(L, node, "uptime", "node.uptime");

  lfs::open(L);
  lua_setfield(L, node, "LFS");
  return 1;
}

}  // namespace nmh
