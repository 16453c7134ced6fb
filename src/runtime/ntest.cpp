#include "runtime/ntest.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/diagnostics.hpp"

namespace nmh::ntest {

namespace {

constexpr std::string_view kModule = "NTest";
constexpr const char* kHandlerField = "outputhandler";

constexpr Code kRunFailed{"E-NTEST", Level::error, "NTest run \"{}\": {} failed, {} raised{}"};

// One NTest run: what its outputhandler reported. Runs belong to the process,
// not to a boot: a run cut short by a restart never finished (§6.2).
struct Run {
  std::string name;
  bool started = false;
  bool finished = false;
  bool dropped = false;  // the script set its own outputhandler: judged by status alone
  int tests = 0;         // TAP numbering
  int failed = 0;
  int raised = 0;
};

std::vector<Run>& runs() {
  static std::vector<Run> all;
  return all;
}

Run& run_of(lua_State* L) {
  return runs()[static_cast<size_t>(lua_tointeger(L, lua_upvalueindex(1)))];
}

// Makes the argument at idx its text in place (nil and none stay as they
// are): luaL_tolstring may raise, so no C++ string may be alive meanwhile.
void to_text(lua_State* L, int idx) {
  if (lua_isnoneornil(L, idx)) return;
  luaL_tolstring(L, idx, nullptr);
  lua_replace(L, idx);
}

// An event argument made text by to_text: nil and none are empty.
std::string field(lua_State* L, int idx) {
  size_t len = 0;
  const char* s = lua_isnoneornil(L, idx) ? nullptr : lua_tolstring(L, idx, &len);
  return s != nullptr ? std::string(s, len) : std::string();
}

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

// A test name may not contain `#` in a TAP description: it starts a directive.
std::string tap_name(const std::string& s) {
  std::string out;
  for (char c : first_line(s)) {
    if (c == '#') out += '\\';
    out += c;
  }
  return out;
}

// The TAP form of NTestTapOut.lua (§6.2): `TAP: ` lines, one ok / not ok per
// test numbered within its run, the plan `1..N` once the run finishes. TAP
// lines are single lines: further lines of a message (a traceback) follow as
// TAP diagnostics (`# `).
void write_tap(Boot& boot, Run& run, std::string_view event, const std::string& test,
               const std::string& msg, const std::string& err) {
  std::string out;
  auto detail = [](const std::string& a, const std::string& b) {
    std::string d = first_line(a);
    if (!b.empty()) d += (d.empty() ? "" : ": ") + first_line(b);
    return d;
  };
  auto more_lines = [&out](const std::string& s) {
    size_t at = s.find('\n');
    while (at != std::string::npos) {
      size_t end = s.find('\n', at + 1);
      out += "TAP: # " + s.substr(at + 1, end - at - 1) + "\n";
      at = end;
    }
  };
  if (event == "pass") {
    out = "TAP: ok " + std::to_string(++run.tests) + " " + tap_name(test);
    if (!msg.empty()) out += " # " + first_line(msg);
    out += "\n";
  } else if (event == "fail" || event == "except") {
    std::string d = detail(msg, err);
    if (event == "except") d = "exception" + (d.empty() ? "" : ": " + d);
    out = "TAP: not ok " + std::to_string(++run.tests) + " " + tap_name(test) + " # " + d + "\n";
    more_lines(msg);
    more_lines(err);
  } else if (event == "start") {
    out = "TAP: # start " + first_line(test) + "\n";
  } else if (event == "finish") {
    out = "TAP: 1.." + std::to_string(run.tests) + "\n";
  } else {
    std::string d = detail(msg, err);
    out = "TAP: # " + std::string(event) + " " + first_line(test) + (d.empty() ? "" : ": " + d) +
          "\n";
  }
  boot.console_write(out);
}

// The run's outputhandler: fn(event, test, msg, errormsg), the firmware's
// argument order. Upvalues: the run's index and NTest's own handler.
int on_event(lua_State* L) {
  Run& run = run_of(L);
  size_t len = 0;
  const char* e = lua_tolstring(L, 1, &len);
  std::string_view event = e != nullptr ? std::string_view(e, len) : std::string_view();
  // A script that chains to the handler it replaced still reaches here; its
  // run is judged by status alone, so nothing is counted.
  if (!run.dropped) {
    if (event == "start") run.started = true;
    if (event == "finish") run.finished = true;
    if (event == "fail") ++run.failed;
    if (event == "except") ++run.raised;
  }
  Boot& boot = Boot::from(L);
  if (boot.device().options().ntest == NtestMode::tap) {
    lua_settop(L, 4);
    for (int i = 2; i <= 4; ++i) to_text(L, i);
    write_tap(boot, run, event, field(L, 2), field(L, 3), field(L, 4));
    return 0;
  }
  // plain: NTest's own handler gets the event unchanged, errors included.
  if (!lua_isfunction(L, lua_upvalueindex(2)) && !lua_istable(L, lua_upvalueindex(2))) return 0;
  int nargs = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_insert(L, 1);
  lua_call(L, nargs, LUA_MULTRET);
  return lua_gettop(L);
}

// __newindex of the object handed to the script: setting `outputhandler`
// drops the wrapper for that run (§6.2). Upvalues: the run's index, the object.
int proxy_newindex(lua_State* L) {
  if (lua_type(L, 2) == LUA_TSTRING && std::string_view(lua_tostring(L, 2)) == kHandlerField) {
    run_of(L).dropped = true;
  }
  lua_settop(L, 3);
  lua_settable(L, lua_upvalueindex(2));
  return 0;
}

// The wrapped constructor: NTest(runname, ...) as the module has it, then the
// run's handler swapped for on_event. The script gets a proxy of the object
// (reads pass through) so that its own `outputhandler` assignment is seen.
int construct(lua_State* L) {
  int nargs = lua_gettop(L);
  // The run's name, kept as text below the call: the constructor may raise,
  // so it cannot be a C++ string yet.
  if (lua_isnoneornil(L, 1)) {
    lua_pushliteral(L, "");
  } else if (lua_type(L, 1) == LUA_TSTRING) {
    lua_pushvalue(L, 1);
  } else {
    luaL_tolstring(L, 1, nullptr);
  }
  lua_insert(L, 1);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 2);
  lua_call(L, nargs, LUA_MULTRET);
  if (lua_gettop(L) == 1 || !lua_istable(L, 2)) {
    lua_remove(L, 1);
    return lua_gettop(L);
  }
  lua_settop(L, 2);
  runs().push_back(Run{.name = field(L, 1)});
  lua_remove(L, 1);
  auto index = static_cast<lua_Integer>(runs().size() - 1);

  lua_pushinteger(L, index);
  lua_getfield(L, 1, kHandlerField);
  lua_pushcclosure(L, on_event, 2);
  int handler = lua_gettop(L);
  lua_pushvalue(L, handler);
  lua_setfield(L, 1, kHandlerField);
  lua_getfield(L, 1, kHandlerField);
  // An object without a settable outputhandler cannot be observed.
  if (!lua_rawequal(L, -1, handler)) runs().back().dropped = true;
  lua_settop(L, 1);

  lua_newtable(L);
  lua_createtable(L, 0, 2);
  lua_pushvalue(L, 1);
  lua_setfield(L, -2, "__index");
  lua_pushinteger(L, index);
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, proxy_newindex, 2);
  lua_setfield(L, -2, "__newindex");
  lua_setmetatable(L, -2);
  return 1;
}

// The loader found for NTest, then the constructor it returns wrapped.
// Upvalue: the loader the other searchers found.
int load(lua_State* L) {
  int nargs = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, nargs, 1);
  if (lua_isfunction(L, -1) || lua_istable(L, -1)) lua_pushcclosure(L, construct, 1);
  return 1;
}

// package.searchers[1] under --ntest: for "NTest", asks the other searchers
// (preload, flash root, the LFS searcher) and wraps the loader they find.
// Wrapping the loader rather than require leaves every other require, and
// its tracebacks, as they are.
int searcher(lua_State* L) {
  size_t len = 0;
  const char* name = luaL_checklstring(L, 1, &len);
  if (std::string_view(name, len) != kModule) return 0;
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_getfield(L, -1, LUA_LOADLIBNAME);
  lua_getfield(L, -1, "searchers");
  int searchers = lua_gettop(L);
  if (!lua_istable(L, searchers)) return 0;
  for (lua_Integer i = 1;; ++i) {
    lua_rawgeti(L, searchers, i);
    if (lua_isnil(L, -1)) break;
    if (lua_tocfunction(L, -1) == searcher) {
      lua_pop(L, 1);
      continue;
    }
    lua_pushvalue(L, 1);
    lua_call(L, 1, 2);
    if (lua_isfunction(L, -2)) {
      lua_pushvalue(L, -2);
      lua_pushcclosure(L, load, 1);
      lua_replace(L, -3);
      return 2;
    }
    lua_pop(L, 2);
  }
  return 0;  // not found: require goes on to the other searchers and their messages
}

}  // namespace

void install(lua_State* L) {
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_getfield(L, -1, LUA_LOADLIBNAME);
  lua_getfield(L, -1, "searchers");
  auto n = static_cast<lua_Integer>(lua_rawlen(L, -1));
  for (lua_Integer i = n; i >= 1; --i) {
    lua_rawgeti(L, -1, i);
    lua_rawseti(L, -2, i + 1);
  }
  lua_pushcfunction(L, searcher);
  lua_rawseti(L, -2, 1);
  lua_pop(L, 3);
}

int verdict(const Options& options, Diagnostics& diagnostics, int status) {
  if (options.ntest == NtestMode::off) return status;
  bool failed = false;
  for (const Run& run : runs()) {
    bool unfinished = run.started && !run.finished;
    if (run.dropped || (run.failed == 0 && run.raised == 0 && !unfinished)) continue;
    failed = true;
    if (status == 0) {
      diagnostics.report(kRunFailed,
                         {run.name, std::to_string(run.failed), std::to_string(run.raised),
                          unfinished ? "; it never reached finish" : ""});
    }
  }
  return failed && status == 0 ? 4 : status;
}

}  // namespace nmh::ntest
