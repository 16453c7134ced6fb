// The file module (runtime.md §4.3) over the flash root. Module functions and
// file-object methods are the same C functions, as in the firmware: with a
// file object as first argument they act on it, otherwise on the default file
// (the last opened).
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "modules/file/file_object.hpp"
#include "modules/file/file_system.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/flash.hpp"
#include "runtime/gc_detach.hpp"
#include "runtime/modules.hpp"

namespace nmh {

namespace {

// The firmware's FILE_READ_CHUNK: read() without arguments and delimiter reads.
constexpr int64_t kReadChunk = 1024;
// getcontents reads with the firmware's LUAI_MAXINT32 limit.
constexpr int64_t kReadAll = 2147483647;
// fscfg's first value: where SPIFFS starts in a 4 MB flash.
constexpr lua_Integer kSpiffsAddress = 0x100000;

FileSystem& fs_of(lua_State* L) {
  FileSystem* fs = *static_cast<FileSystem**>(lua_touserdata(L, lua_upvalueindex(1)));
  if (fs == nullptr) lua::raise(L, "file system is gone");
  return *fs;
}

// The firmware's GET_FILE_OBJ: a file object as first argument (its
// arguments then start at 2), else the default file. nullptr: none, or closed.
File* file_arg(lua_State* L, int& argpos) {
  if (lua_type(L, 1) == LUA_TUSERDATA) {
    argpos = 2;
    return *lua::check_box<File>(L, 1, File::kMetatable);
  }
  argpos = 1;
  return fs_of(L).default_file();
}

File& need_open(lua_State* L, File* file) {
  if (file == nullptr || !file->is_open()) lua::raise(L, "open a file first");
  return *file;
}

std::string_view check_name(lua_State* L, int idx) {
  size_t len = 0;
  const char* name = luaL_checklstring(L, idx, &len);
  std::string_view view(name, len);
  luaL_argcheck(L, flash::base_name_valid(view), idx, "filename invalid");
  return view;
}

// W-NAME for names the host cannot map beneath the root (§4.3, §5.5).
void report_name(lua_State* L, flash::Fault fault, std::string_view name) {
  std::string why = flash::reason(fault, name);
  if (why.empty()) return;
  Boot::from(L).diagnostics().report(flash::kName, {name, why}, lua::where(L, 1));
}

bool mode_flags(std::string_view mode, int& flags, bool& writable) {
  writable = true;
  if (mode == "r") {
    flags = O_RDONLY;
    writable = false;
  } else if (mode == "w") {
    flags = O_WRONLY | O_CREAT | O_TRUNC;
  } else if (mode == "a") {
    flags = O_WRONLY | O_CREAT | O_APPEND;
  } else if (mode == "r+") {
    flags = O_RDWR;
  } else if (mode == "w+") {
    flags = O_RDWR | O_CREAT | O_TRUNC;
  } else if (mode == "a+") {
    flags = O_RDWR | O_CREAT | O_APPEND;
  } else {
    return false;
  }
  return true;
}

// Opens `name` and pushes the new file object, or nil (§4.3, limits §5.4).
File* push_open(lua_State* L, FileSystem& fs, std::string_view name, std::string_view mode) {
  int flags = 0;
  bool writable = false;
  bool over = fs.at_open_limit();
  if (!mode_flags(mode, flags, writable) || (over && Boot::from(L).strict())) {
    lua_pushnil(L);
    return nullptr;
  }
  flash::Opened opened = flash::open_file(fs.root_fd(), name, flags);
  if (opened.fd < 0) {
    report_name(L, opened.fault, name);
    lua_pushnil(L);
    return nullptr;
  }
  if (over) fs.warn_open_limit(L);
  if (opened.truncated != 0) fs.freed(opened.truncated);
  auto** box = lua::new_box<File>(L, nullptr, File::kMetatable);
  *box = new File(fs.boot(), fs, opened.fd, writable, (flags & O_APPEND) != 0);
  return *box;
}

// Writes the pieces as one write: all or, refused by the capacity limit or
// the host disk, none (§5.4).
bool write_all(lua_State* L, File& file, std::string_view bytes, std::string_view tail = {}) {
  FileSystem& fs = fs_of(L);
  if (!file.writable()) return false;
  if (!fs.admit_write(L, file, bytes.size() + tail.size())) return false;
  bool ok = file.write(bytes, tail);
  if (!ok) fs.forget_used();
  return ok;
}

int file_open(lua_State* L) {
  FileSystem& fs = fs_of(L);
  fs.clear_default();  // before the checks, as the firmware's unref
  std::string_view name = check_name(L, 1);
  const char* mode = luaL_optstring(L, 2, "r");
  File* file = push_open(L, fs, name, mode);
  if (file != nullptr) fs.set_default(L, -1, file);
  return 1;
}

int file_close(lua_State* L) {
  if (lua_type(L, 1) != LUA_TUSERDATA) {
    FileSystem& fs = fs_of(L);
    if (File* file = fs.default_file()) file->close();
    fs.clear_default();
    return 0;
  }
  File* file = *lua::check_box<File>(L, 1, File::kMetatable);
  if (file != nullptr) file->close();
  return 0;
}

int file_read(lua_State* L) {
  int argpos = 1;
  File* file = file_arg(L, argpos);
  int64_t max = kReadChunk;
  int delimiter = -1;
  if (lua_type(L, argpos) == LUA_TNUMBER) {
    // The firmware passes the count through an unsigned and an int.
    max = static_cast<int32_t>(static_cast<uint32_t>(luaL_checkinteger(L, argpos)));
  } else if (lua_isstring(L, argpos) != 0) {
    size_t len = 0;
    const char* end = lua_tolstring(L, argpos, &len);
    if (len != 1) lua::raise(L, "wrong arg range");
    delimiter = static_cast<unsigned char>(end[0]);
  }
  need_open(L, file).read(L, max, delimiter);
  return 1;
}

int file_readline(lua_State* L) {
  int argpos = 1;
  File* file = file_arg(L, argpos);
  need_open(L, file).read(L, kReadChunk, '\n');
  return 1;
}

int file_write(lua_State* L) {
  int argpos = 1;
  File& file = need_open(L, file_arg(L, argpos));
  size_t len = 0;
  const char* s = luaL_checklstring(L, argpos, &len);
  if (write_all(L, file, {s, len})) {
    lua_pushboolean(L, 1);
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int file_writeline(lua_State* L) {
  int argpos = 1;
  File& file = need_open(L, file_arg(L, argpos));
  size_t len = 0;
  const char* s = luaL_checklstring(L, argpos, &len);
  if (write_all(L, file, {s, len}, "\n")) {
    lua_pushboolean(L, 1);
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int file_seek(lua_State* L) {
  static const char* const kNames[] = {"set", "cur", "end", nullptr};
  static const int kWhence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  int argpos = 1;
  File& file = need_open(L, file_arg(L, argpos));
  int op = luaL_checkoption(L, argpos, "cur", kNames);
  lua_Integer offset = luaL_optinteger(L, argpos + 1, 0);
  auto pos = file.seek(kWhence[op], offset);
  if (pos) {
    lua_pushinteger(L, *pos);
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int file_flush(lua_State* L) {
  int argpos = 1;
  need_open(L, file_arg(L, argpos));
  // Writes reach the host file at once; there is no SPIFFS cache to flush.
  lua_pushboolean(L, 1);
  return 1;
}

// Pushes the flash listing as an array {name1, size1, name2, size2, ...}. The
// walk's entries are C++ objects, so the array is filled under protect() and
// a failure raised once they are gone; file.list then works on Lua values
// alone, free to call string.match, which raises on a bad pattern.
void push_listing(lua_State* L, int root_fd) {
  int status = LUA_OK;
  {
    const std::vector<flash::Entry> entries = flash::list(root_fd);
    auto fill = [&entries](lua_State* S) {
      lua_createtable(S, static_cast<int>(entries.size() * 2), 0);
      lua_Integer i = 0;
      for (const flash::Entry& e : entries) {
        lua_pushlstring(S, e.name.data(), e.name.size());
        lua_rawseti(S, -2, ++i);
        lua_pushinteger(S, static_cast<lua_Integer>(e.size));
        lua_rawseti(S, -2, ++i);
      }
    };
    status = lua::protect(L, fill);
  }
  if (status != LUA_OK) lua_error(L);
}

int file_list(lua_State* L) {
  FileSystem& fs = fs_of(L);
  lua_settop(L, 1);
  const char* pattern = luaL_optstring(L, 1, nullptr);
  lua_newtable(L);                // 2
  push_listing(L, fs.root_fd());  // 3
  if (pattern != nullptr) {
    luaL_getmetafield(L, 1, "__index");  // the string library
    lua_getfield(L, -1, "match");        // 5
  }
  auto n = static_cast<lua_Integer>(lua_rawlen(L, 3));
  for (lua_Integer i = 1; i < n; i += 2) {
    lua_rawgeti(L, 3, i);  // the name: at the top while this entry is handled
    if (pattern != nullptr) {
      lua_pushvalue(L, 5);
      lua_pushvalue(L, -2);
      lua_pushvalue(L, 1);
      lua_call(L, 2, 1);
      bool matched = !lua_isnil(L, -1);
      lua_pop(L, 1);
      if (!matched) {
        lua_pop(L, 1);
        continue;
      }
    }
    size_t len = 0;
    const char* s = lua_tolstring(L, -1, &len);
    std::string_view name(s, len);
    if (!flash::base_name_valid(name)) {
      Boot::from(L).diagnostics().report(
          flash::kName, {name, "is longer than the device's 31-byte names"}, lua::where(L, 1));
    }
    lua_rawgeti(L, 3, i + 1);
    lua_rawset(L, 2);
  }
  lua_settop(L, 2);
  return 1;
}

int file_exists(lua_State* L) {
  FileSystem& fs = fs_of(L);
  std::string_view name = check_name(L, 1);
  uint64_t size = 0;
  flash::Fault fault = flash::stat_file(fs.root_fd(), name, size);
  report_name(L, fault, name);
  lua_pushboolean(L, fault == flash::Fault::none ? 1 : 0);
  return 1;
}

int file_remove(lua_State* L) {
  FileSystem& fs = fs_of(L);
  std::string_view name = check_name(L, 1);
  uint64_t size = 0;
  flash::Fault fault = flash::remove_file(fs.root_fd(), name, size);
  report_name(L, fault, name);
  if (fault == flash::Fault::none) fs.freed(size);
  return 0;
}

int file_rename(lua_State* L) {
  FileSystem& fs = fs_of(L);
  std::string_view from = check_name(L, 1);
  std::string_view to = check_name(L, 2);
  flash::Fault fault = flash::rename_file(fs.root_fd(), from, to);
  if (fault == flash::Fault::unrepresentable || fault == flash::Fault::outside) {
    // Name the culprit: the old name if it does not resolve, else the new one.
    uint64_t size = 0;
    bool from_ok = flash::stat_file(fs.root_fd(), from, size) == flash::Fault::none;
    report_name(L, fault, from_ok ? to : from);
  }
  lua_pushboolean(L, fault == flash::Fault::none ? 1 : 0);
  return 1;
}

int file_stat(lua_State* L) {
  FileSystem& fs = fs_of(L);
  size_t len = 0;
  const char* s = luaL_checklstring(L, 1, &len);
  std::string_view name(s, len);
  luaL_argcheck(L, flash::whole_name_valid(name), 1, "filename invalid");
  uint64_t size = 0;
  flash::Fault fault = flash::stat_file(fs.root_fd(), name, size);
  report_name(L, fault, name);
  if (fault != flash::Fault::none) {
    lua_pushnil(L);
    return 1;
  }
  lua_createtable(L, 0, 8);
  lua_pushinteger(L, static_cast<lua_Integer>(size));
  lua_setfield(L, -2, "size");
  int status = LUA_OK;
  {
    std::string stored = *flash::relative_path(name);  // SPIFFS keeps the name without /FLASH/
    status = lua::push_string(L, stored);
  }
  if (status != LUA_OK) return lua_error(L);
  lua_setfield(L, -2, "name");
  for (const char* flag : {"is_dir", "is_rdonly", "is_hidden", "is_sys", "is_arch"}) {
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, flag);
  }
  // SPIFFS keeps no timestamps: the firmware's default date (§4.3).
  lua_createtable(L, 0, 6);
  const lua::IntConst kTime[] = {{"year", 1970}, {"mon", 1}, {"day", 1},  {"hour", 0},
                                 {"min", 0},     {"sec", 0}, {nullptr, 0}};
  lua::set_ints(L, kTime);
  lua_setfield(L, -2, "time");
  return 1;
}

int file_fsinfo(lua_State* L) {
  FileSystem& fs = fs_of(L);
  uint64_t used = fs.used();
  uint64_t total = fs.total();
  lua_pushinteger(L, static_cast<lua_Integer>(total > used ? total - used : 0));
  lua_pushinteger(L, static_cast<lua_Integer>(used));
  lua_pushinteger(L, static_cast<lua_Integer>(total));
  return 3;
}

int file_fscfg(lua_State* L) {
  lua_pushinteger(L, kSpiffsAddress);
  lua_pushinteger(L, static_cast<lua_Integer>(fs_of(L).total()));
  return 2;
}

// The firmware opens through file.open, so getcontents and putcontents also
// drop the default file.
int file_getcontents(lua_State* L) {
  FileSystem& fs = fs_of(L);
  fs.clear_default();
  std::string_view name = check_name(L, 1);
  lua_settop(L, 1);
  File* file = push_open(L, fs, name, "r");
  if (file == nullptr) return 0;  // the firmware returns nothing, not nil
  // An empty file reads as nil, as the firmware's first read finds nothing.
  file->read(L, kReadAll, -1);
  file->close();
  return 1;
}

int file_putcontents(lua_State* L) {
  FileSystem& fs = fs_of(L);
  fs.clear_default();
  std::string_view name = check_name(L, 1);
  lua_settop(L, 2);
  File* file = push_open(L, fs, name, "w+");
  if (file == nullptr) return 1;
  // Checked after the open, as the firmware does: a bad value leaves the file truncated.
  size_t len = 0;
  const char* s = luaL_checklstring(L, 2, &len);
  bool ok = write_all(L, *file, {s, len});
  file->close();
  if (ok) {
    lua_pushboolean(L, 1);
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int file_on(lua_State* L) {
  static const char* const kEvents[] = {"rtc", nullptr};
  FileSystem& fs = fs_of(L);
  luaL_checkoption(L, 1, "rtc", kEvents);
  if (lua_isfunction(L, 2)) {
    fs.set_rtc_callback(lua::Ref(L, 2));
  } else if (lua_isnoneornil(L, 2)) {
    fs.set_rtc_callback({});
  } else {
    lua::raise(L, "Callback should be function or nil");
  }
  return 0;
}

int file_format(lua_State* L) {
  FileSystem& fs = fs_of(L);
  Device& device = fs.boot().device();
  // Formatting would erase the project directory; only the --scratch copy may go (§4.3).
  if (!device.options().scratch) {
    lua::raise(L, "file.format is refused on nodemcu-host without --scratch");
  }
  if (File* file = fs.default_file()) file->close();
  fs.clear_default();
  if (!flash::format(fs.root_fd())) lua::raise(L, "Failed to format file system");
  fs.formatted();
  // The firmware's NODE_ERR goes straight to the UART, past node.output.
  device.console().write("format done.\n");
  return 0;
}

int file_system_gc(lua_State* L) {
  auto** box = lua::check_box<FileSystem>(L, 1, FileSystem::kMetatable);
  delete *box;
  *box = nullptr;
  return 0;
}

constexpr luaL_Reg kNoMethods[] = {{nullptr, nullptr}};

constexpr luaL_Reg kFileMethods[] = {
    {"close", file_close},         {"read", file_read},
    {"readline", file_readline},   {"write", file_write},
    {"writeline", file_writeline}, {"seek", file_seek},
    {"flush", file_flush},         {nullptr, nullptr},
};

constexpr luaL_Reg kFile[] = {
    {"list", file_list},
    {"open", file_open},
    {"close", file_close},
    {"write", file_write},
    {"writeline", file_writeline},
    {"read", file_read},
    {"readline", file_readline},
    {"format", file_format},
    {"fscfg", file_fscfg},
    {"remove", file_remove},
    {"seek", file_seek},
    {"flush", file_flush},
    {"rename", file_rename},
    {"exists", file_exists},
    {"getcontents", file_getcontents},
    {"putcontents", file_putcontents},
    {"fsinfo", file_fsinfo},
    {"on", file_on},
    {"stat", file_stat},
    {nullptr, nullptr},
};

}  // namespace

int open_file(lua_State* L) {
  // The boot's file state; every function below holds it as upvalue 1.
  lua::new_class(L, FileSystem::kMetatable, kNoMethods, file_system_gc);
  lua_pop(L, 1);
  auto** state = lua::new_box<FileSystem>(L, nullptr, FileSystem::kMetatable);
  *state = new FileSystem(Boot::from(L));
  int state_idx = lua_gettop(L);

  // file.obj: the methods need the state too, so the metatable is built here
  // rather than with lua::new_class.
  luaL_newmetatable(L, File::kMetatable);
  lua_newtable(L);
  lua_pushvalue(L, state_idx);
  luaL_setfuncs(L, kFileMethods, 1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, gc_detach<File>);
  lua_setfield(L, -2, "__gc");
  lua_pushnil(L);
  lua_setfield(L, -2, "__name");  // userdata print as `userdata: 0x…` (§3.2)
  lua_pop(L, 1);

  luaL_newlibtable(L, kFile);
  lua_pushvalue(L, state_idx);
  luaL_setfuncs(L, kFile, 1);
  lua_remove(L, state_idx);
  return 1;
}

}  // namespace nmh
