#include "runtime/lualib.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "runtime/boot.hpp"
#include "runtime/bytecode.hpp"
#include "runtime/device.hpp"
#include "runtime/flash.hpp"
#include "runtime/modules.hpp"
#include "runtime/ntest.hpp"
#include "runtime/profile.hpp"

namespace nmh {

namespace {

constexpr Code kNotBytecode{"W-LC", Level::warning,
                            "{} is not host bytecode or is damaged (luac.cross output runs only "
                            "on the device; use node.compile on the host): {}"};

// print: standard Lua print to the console output, through node.output (§4.9.1).
// Every argument is made a string in place first, since tostring may raise
// and the line is a C++ string, which a Lua error would not destroy.
int console_print(lua_State* L) {
  int n = lua_gettop(L);
  lua_getglobal(L, "tostring");
  for (int i = 1; i <= n; ++i) {
    lua_pushvalue(L, -1);
    lua_pushvalue(L, i);
    lua_call(L, 1, 1);
    if (lua_tostring(L, -1) == nullptr) {
      lua::raise(L, "'tostring' must return a string to 'print'");
    }
    lua_replace(L, i);
  }
  std::string line;
  for (int i = 1; i <= n; ++i) {
    size_t len = 0;
    const char* s = lua_tolstring(L, i, &len);
    if (i > 1) line += '\t';
    line.append(s, len);
  }
  line += '\n';
  Boot::from(L).console_write(line);
  return 0;
}

// fmt % v and fmt % {...} are string.format (runtime.md §3.2).
// string.format is an upvalue, so a script's own global `string` cannot break `%`.
int string_mod(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  int format = lua_gettop(L);
  lua_pushvalue(L, 1);
  if (lua_istable(L, 2)) {
    lua_Integer n = luaL_len(L, 2);
    luaL_checkstack(L, static_cast<int>(n) + 1, "too many values to format");
    for (lua_Integer i = 1; i <= n; ++i) lua_geti(L, 2, i);
  } else {
    lua_pushvalue(L, 2);
  }
  lua_call(L, lua_gettop(L) - format, 1);
  return 1;
}

int flash_dofile(lua_State* L) {
  const char* name = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  if (load_flash_chunk(L, name) != LUA_OK) return lua_error(L);
  lua_call(L, 0, LUA_MULTRET);
  return lua_gettop(L) - 1;
}

int flash_loadfile(lua_State* L) {
  const char* name = luaL_checkstring(L, 1);
  bool has_env = !lua_isnone(L, 3);
  if (load_flash_chunk(L, name) != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
  }
  if (has_env) {
    lua_pushvalue(L, 3);
    if (lua_setupvalue(L, -2, 1) == nullptr) lua_pop(L, 1);
  }
  return 1;
}

// flash_searcher's work, which owns strings and so raises nothing. Pushes
// what the searcher returns and gives its count: the chunk and its file
// name (2), or the "no file" lines (1). A file that does not compile gives 0,
// with its load error and its name pushed; an error value pushed gives -1.
int search_flash(lua_State* L, const char* module) {
  std::string name = module;
  for (char& c : name) {
    if (c == '.') c = '/';
  }
  Boot& boot = Boot::from(L);
  std::string tried;
  for (const char* ext : {".lc", ".lua"}) {
    std::string file = name + ext;
    std::string data;
    if (!flash::read_file(boot.device().root_fd(), file, data)) {
      tried += "\n\tno file '" + file + "'";
      continue;
    }
    int rc = bytecode::load(L, data, ("@" + file).c_str(), nullptr);
    if (rc == LUA_OK || !bytecode::is_binary(data)) {
      if (lua::push_string(L, file) != LUA_OK) return -1;
      return rc == LUA_OK ? 2 : 0;
    }
    // Level 2: the line calling require (level 1 is require, a C function).
    boot.diagnostics().report(kNotBytecode, {file, "skipped"}, lua::where(L, 2));
    lua_pop(L, 1);
    tried += "\n\tskipped '" + file + "' (not host bytecode)";
  }
  return lua::push_string(L, tried) == LUA_OK ? 1 : -1;
}

// package.searchers[2]: NAME.lc then NAME.lua through the flash root (§3.3).
int flash_searcher(lua_State* L) {
  int n = search_flash(L, luaL_checkstring(L, 1));
  if (n < 0) return lua_error(L);
  if (n == 0) {
    lua::raise(L, "error loading module '%s' from file '%s':\n\t%s", lua_tostring(L, 1),
               lua_tostring(L, -1), lua_tostring(L, -2));
  }
  return n;
}

// A reader function's pieces, concatenated: pushes the chunk and gives
// LUA_OK, or pushes the error message (the reader's own error, or Lua's
// "reader function must return a string").
int read_pieces(lua_State* L, int reader) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (;;) {
    lua_pushvalue(L, reader);
    int rc = lua_pcall(L, 0, 1, 0);
    if (rc != LUA_OK) return rc;
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      break;
    }
    if (lua_type(L, -1) != LUA_TSTRING) {
      lua_pop(L, 1);
      lua_pushliteral(L, "reader function must return a string");
      return LUA_ERRSYNTAX;
    }
    if (lua_rawlen(L, -1) == 0) {
      lua_pop(L, 1);
      break;
    }
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  return LUA_OK;
}

// load(chunk [, chunkname [, mode [, env]]]) as Lua 5.3's, except that mode
// defaults to "t": a binary chunk needs "b" asked for, and then the
// runtime's trailer (runtime.md §3.3). A reader function's pieces are read
// whole first, since a binary chunk is checked before Lua parses any of it.
int host_load(lua_State* L) {
  size_t len = 0;
  const char* s = lua_tolstring(L, 1, &len);
  const char* mode = luaL_optstring(L, 3, "t");
  int env = lua_isnone(L, 4) ? 0 : 4;
  const char* chunkname = nullptr;
  int rc = LUA_OK;
  if (s != nullptr) {
    chunkname = luaL_optstring(L, 2, s);
  } else {
    chunkname = luaL_optstring(L, 2, "=(load)");
    luaL_checktype(L, 1, LUA_TFUNCTION);
    rc = read_pieces(L, 1);
    if (rc == LUA_OK) s = lua_tolstring(L, -1, &len);
  }
  if (rc == LUA_OK) rc = bytecode::load(L, {s, len}, chunkname, mode);
  if (rc != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
  }
  if (env != 0) {
    lua_pushvalue(L, env);
    if (lua_setupvalue(L, -2, 1) == nullptr) lua_pop(L, 1);
  }
  return 1;
}

// string.dump(f [, strip]), sealed with the trailer that load checks.
int host_string_dump(lua_State* L) {
  bool strip = lua_toboolean(L, 2) != 0;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  int rc = LUA_OK;
  bool dumped = false;
  {
    std::string chunk;
    dumped = bytecode::dump(L, strip, chunk) == 0;
    if (dumped) rc = lua::push_string(L, chunk);
  }
  if (!dumped) lua::raise(L, "unable to dump given function");
  if (rc != LUA_OK) return lua_error(L);
  return 1;
}

// Upvalues: the function, its qualified name, and whether it is a C function
// without upvalues. Such a function is run in the wrapper's own frame, so its
// argument errors still read "stdin:1: bad argument #1 to 'pow' (...)" rather
// than losing the name and position behind a nested call.
int absent_wrapper(lua_State* L) {
  Boot& boot = Boot::from(L);
  boot.diagnostics().report(diag::kAbsent,
                            {lua_tostring(L, lua_upvalueindex(2)), boot.profile().firmware},
                            lua::where(L, 1));
  if (lua_toboolean(L, lua_upvalueindex(3)) != 0) {
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

int not_supported(lua_State* L) {
  lua::raise(L, "%s is not supported on nodemcu-host", lua_tostring(L, lua_upvalueindex(1)));
}

// Math functions the 5.3 firmware leaves out; Debian's build may lack some.
int math_atan2(lua_State* L) {
  lua_pushnumber(L, std::atan2(luaL_checknumber(L, 1), luaL_checknumber(L, 2)));
  return 1;
}
int math_log10(lua_State* L) {
  lua_pushnumber(L, std::log10(luaL_checknumber(L, 1)));
  return 1;
}
int math_pow(lua_State* L) {
  lua_pushnumber(L, std::pow(luaL_checknumber(L, 1), luaL_checknumber(L, 2)));
  return 1;
}
int math_cosh(lua_State* L) {
  lua_pushnumber(L, std::cosh(luaL_checknumber(L, 1)));
  return 1;
}
int math_sinh(lua_State* L) {
  lua_pushnumber(L, std::sinh(luaL_checknumber(L, 1)));
  return 1;
}
int math_tanh(lua_State* L) {
  lua_pushnumber(L, std::tanh(luaL_checknumber(L, 1)));
  return 1;
}
int math_frexp(lua_State* L) {
  int e = 0;
  lua_pushnumber(L, std::frexp(luaL_checknumber(L, 1), &e));
  lua_pushinteger(L, e);
  return 2;
}
int math_ldexp(lua_State* L) {
  lua_pushnumber(L, std::ldexp(luaL_checknumber(L, 1), static_cast<int>(luaL_checkinteger(L, 2))));
  return 1;
}

void open_standard(lua_State* L) {
  const luaL_Reg libs[] = {
      {"_G", luaopen_base},
      {LUA_LOADLIBNAME, luaopen_package},
      {LUA_COLIBNAME, luaopen_coroutine},
      {LUA_TABLIBNAME, luaopen_table},
      {LUA_STRLIBNAME, luaopen_string},
      {LUA_MATHLIBNAME, luaopen_math},
      {LUA_UTF8LIBNAME, luaopen_utf8},
      {LUA_DBLIBNAME, luaopen_debug},
  };
  for (const luaL_Reg& lib : libs) {
    luaL_requiref(L, lib.name, lib.func, 1);
    lua_pop(L, 1);
  }
}

void adapt_base(lua_State* L) {
  lua_getglobal(L, "table");
  lua_pushnil(L);
  lua_setfield(L, -2, "maxn");  // the firmware's table library has no maxn
  lua_getfield(L, -1, "unpack");
  lua_setglobal(L, "unpack");
  lua_pop(L, 1);
  lua_register(L, "load", host_load);
  lua_register(L, "loadstring", host_load);
  lua_register(L, "print", console_print);
  lua_register(L, "dofile", flash_dofile);
  lua_register(L, "loadfile", flash_loadfile);

  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_getglobal(L, "string");
  lua_getfield(L, -1, "format");
  lua_remove(L, -2);
  lua_pushcclosure(L, string_mod, 1);
  lua_setfield(L, -2, "__mod");
  lua_pop(L, 2);

  // package: path "?.lc;?.lua", preload and flash searchers, no C loaders (§3.2).
  lua_getglobal(L, "package");
  lua_pushliteral(L, "?.lc;?.lua");
  lua_setfield(L, -2, "path");
  lua_pushliteral(L, "");
  lua_setfield(L, -2, "cpath");
  lua_pushnil(L);
  lua_setfield(L, -2, "loadlib");
  lua_getfield(L, -1, "searchers");
  lua_rawgeti(L, -1, 1);  // the preload searcher
  lua_newtable(L);
  lua_insert(L, -2);
  lua_rawseti(L, -2, 1);
  lua_pushcfunction(L, flash_searcher);
  lua_rawseti(L, -2, 2);
  lua_pushvalue(L, -1);
  lua_setfield(L, -4, "searchers");
  lua_setfield(L, -3, "loaders");
  lua_pop(L, 2);

  lua_getglobal(L, "string");
  lua_pushcfunction(L, host_string_dump);
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);

  lua_getglobal(L, "debug");
  lua_pushliteral(L, "debug.getstrings");
  lua_pushcclosure(L, not_supported, 1);
  lua_setfield(L, -2, "getstrings");
  lua_pop(L, 1);
}

void adapt_math(lua_State* L) {
  const luaL_Reg extra[] = {
      {"atan2", math_atan2}, {"log10", math_log10}, {"pow", math_pow},     {"cosh", math_cosh},
      {"sinh", math_sinh},   {"tanh", math_tanh},   {"frexp", math_frexp}, {"ldexp", math_ldexp},
  };
  lua_getglobal(L, "math");
  int math = lua_gettop(L);
  for (const luaL_Reg& f : extra) {
    lua_getfield(L, math, f.name);
    bool present = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (!present) {
      lua_pushcfunction(L, f.func);
      lua_setfield(L, math, f.name);
    }
    lua_pushfstring(L, "math.%s", f.name);
    mark_absent(L, math, f.name, lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

}  // namespace

bool read_host_file(const std::string& path, std::string& out) {
  // Straight into out, sized by fstat: no stdio buffer and no large stack
  // buffer to fault in at start (startup: bench/README.md targets). A file that cannot be read past
  // open (a directory) reads as empty, as with fopen and fread.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  size_t expected = fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0;
  out.resize(expected);
  size_t got = 0;
  while (got < expected) {
    ssize_t n = read(fd, out.data() + got, expected - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  if (got == expected) {
    // Whatever fstat did not count: a file that grew, /proc, a pipe.
    char buf[1024];
    for (;;) {
      ssize_t n = read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
  }
  (void)close(fd);  // read-only: nothing to lose
  return true;
}

void mark_absent(lua_State* L, int idx, const char* field, const char* qualified) {
  Boot& boot = Boot::from(L);
  if (!boot.profile().absent_warnings) return;
  idx = lua_absindex(L, idx);
  if (boot.strict()) {
    lua_pushnil(L);
    lua_setfield(L, idx, field);
    return;
  }
  lua_getfield(L, idx, field);
  int fn = lua_gettop(L);
  bool plain_c = false;
  if (lua_iscfunction(L, fn)) {
    plain_c = lua_getupvalue(L, fn, 1) == nullptr;
    if (!plain_c) lua_pop(L, 1);  // the upvalue it pushed
  }
  lua_pushstring(L, qualified);
  lua_pushboolean(L, plain_c ? 1 : 0);
  lua_pushcclosure(L, absent_wrapper, 3);
  lua_setfield(L, idx, field);
}

int load_flash_chunk(lua_State* L, const char* name) {
  Boot& boot = Boot::from(L);
  bool found = false;
  bool binary = false;
  int rc = LUA_OK;
  {
    std::string data;
    found = flash::read_file(boot.device().root_fd(), name, data);
    if (found) {
      // luaL_loadbuffer returns its errors rather than raising them.
      std::string chunkname = std::string("@") + name;
      rc = bytecode::load(L, data, chunkname.c_str(), nullptr);
      binary = bytecode::is_binary(data);
    }
  }
  if (!found) {
    lua_pushfstring(L, "cannot open %s: ", name);
    return LUA_ERRFILE;
  }
  if (rc != LUA_OK && binary) {
    boot.diagnostics().report(kNotBytecode, {name, "not loaded"}, lua::where(L, 1));
  }
  return rc;
}

void open_libraries(Boot& boot) {
  lua_State* L = boot.L();
  // Lua starts _G and package.loaded empty and doubles them as the libraries
  // register, rehashing each time; made here at their full size instead
  // (startup: bench/README.md targets). Nothing has seen the first _G yet.
  // Everything made here lives as long as the state: incremental collection
  // steps over it would find nothing to free.
  lua_gc(L, LUA_GCSTOP, 0);
  lua_createtable(L, 0, 48);
  lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_createtable(L, 0, 48);
  lua_setfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  open_standard(L);
  adapt_base(L);
  adapt_math(L);

  // Built-in modules sit in ROM, which is also the __index of _G's metatable,
  // so pairs(_G) does not list them and a global shadows one (§3.2). ROM
  // itself is one of its entries, as in the firmware's linit.c, so it too is
  // reached through __index rather than sitting in _G.
  lua_createtable(L, 0, static_cast<int>(module_count()) + 1);
  open_modules(L, boot.device().options());
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "ROM");
  lua_newtable(L);
  lua_insert(L, -2);
  lua_setfield(L, -2, "__index");
  lua_pushglobaltable(L);
  lua_insert(L, -2);
  lua_setmetatable(L, -2);
  lua_pop(L, 1);

  lua_pushcfunction(L, open_host);
  lua_call(L, 0, 1);
  lua_setglobal(L, "_HOST");

  // --ntest: require "NTest" returns the host's wrapped constructor (§6.2).
  if (boot.device().options().ntest != NtestMode::off) ntest::install(L);
  lua_gc(L, LUA_GCRESTART, 0);
}

}  // namespace nmh
