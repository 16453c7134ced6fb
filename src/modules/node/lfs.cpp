// node.LFS (runtime.md §4.2.2): an emulated LFS image built at each boot from
// --lfs DIR. The bytecode lives in C++ memory, outside the Lua heap, since a
// device's image sits in flash and costs no RAM; each get() loads a new closure.
#include "modules/node/lfs.hpp"
#include "lua/error.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <new>
#include <string>
#include <vector>

#include "runtime/boot.hpp"
#include "runtime/bytecode.hpp"
#include "runtime/device.hpp"
#include "runtime/host_fs.hpp"
#include "runtime/lualib.hpp"

namespace nmh::lfs {

namespace {

constexpr const char* kImageKey = "nodemcu-host.lfs";
constexpr const char* kImageMetatable = "nodemcu-host.lfs.image";
// The banner's "LFS: 0x40000 bytes total capacity" (runtime.md §1.4).
constexpr lua_Integer kCapacity = 0x40000;
// The image starts at flash address 0 (node.getpartitiontable's lfs_addr) and
// the ESP8266 maps flash at 0x40200000.
constexpr lua_Integer kMappedBase = 0x40200000;

struct Image {
  std::map<std::string, std::string> modules;  // module name -> host bytecode
  size_t used = 0;
  lua_Integer time = 0;
};

Image* image(lua_State* L) {
  lua_getfield(L, LUA_REGISTRYINDEX, kImageKey);
  auto* img = static_cast<Image*>(luaL_testudata(L, -1, kImageMetatable));
  lua_pop(L, 1);
  return img;
}

int image_gc(lua_State* L) {
  static_cast<Image*>(lua_touserdata(L, 1))->~Image();
  return 0;
}

// Compiles every DIR/*.lua (non-recursive) into img; false with a message on
// the first file that cannot be read or compiled.
bool build(lua_State* L, const std::string& dir, Image& img, std::string& error) {
  // readdir order, as std::filesystem::directory_iterator gives it.
  std::vector<std::string> sources;
  int e = 0;
  if (DIR* d = opendir(dir.c_str())) {
    errno = 0;
    while (const dirent* entry = readdir(d)) {
      std::string_view name = entry->d_name;
      // A ".lua" extension needs a stem: ".lua" alone is a hidden file.
      if (name.size() > 4 && name.ends_with(".lua")) {
        std::string path = host_fs::join(dir, name);
        bool regular = entry->d_type == DT_REG;
        if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
          // A link that leads nowhere is skipped, not an error.
          struct stat st {};
          regular = stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
        }
        if (regular) sources.push_back(path);
      }
      errno = 0;
    }
    e = errno;  // a readdir failure
    (void)closedir(d);
  } else {
    e = errno;
  }
  if (e != 0) {
    error = "cannot read the --lfs directory " + dir + ": " + std::strerror(e);
    return false;
  }
  for (const std::string& path : sources) {
    std::string source;
    if (!read_host_file(path, source)) {
      error = "cannot read " + path;
      return false;
    }
    std::string file = path.substr(path.rfind('/') + 1);
    std::string chunkname = "@" + file;
    if (luaL_loadbuffer(L, source.data(), source.size(), chunkname.c_str()) != LUA_OK) {
      error = lua_tostring(L, -1) != nullptr ? lua_tostring(L, -1) : "cannot load " + file;
      lua_pop(L, 1);
      return false;
    }
    std::string chunk;
    (void)bytecode::dump(L, false, chunk);  // a Lua function: it dumps
    lua_pop(L, 1);
    img.used += chunk.size();
    img.modules[file.substr(0, file.size() - 4)] = std::move(chunk);
  }
  img.time = static_cast<lua_Integer>(std::time(nullptr));
  return true;
}

// luaL_pushlfsmodule: a new closure of the named module, or nil.
void push_module(lua_State* L, Image* img, int name_idx) {
  if (img == nullptr || lua_type(L, name_idx) != LUA_TSTRING) {
    lua_pushnil(L);
    return;
  }
  auto it = img->modules.find(lua_tostring(L, name_idx));
  if (it == img->modules.end() || bytecode::load(L, it->second, it->first.c_str(), "b") != LUA_OK) {
    lua_pushnil(L);
  }
}

// package.searchers entry, as the documented _init module installs it.
int searcher(lua_State* L) {
  luaL_checkstring(L, 1);
  push_module(L, image(L), 1);
  if (lua_isnil(L, -1)) lua_pushfstring(L, "\n\tno LFS module '%s'", lua_tostring(L, 1));
  return 1;
}

int lfs_list(lua_State* L) {
  Image* img = image(L);
  if (img == nullptr) {
    lua_pushnil(L);
    return 1;
  }
  // std::map iterates in sorted order, as the firmware's table.sort leaves it.
  lua_createtable(L, static_cast<int>(img->modules.size()), 0);
  lua_Integer i = 0;
  for (const auto& entry : img->modules) {
    lua_pushlstring(L, entry.first.data(), entry.first.size());
    lua_rawseti(L, -2, ++i);
  }
  return 1;
}

int lfs_reload(lua_State* L) {
  lua::raise(L, "node.LFS.reload is not supported on nodemcu-host");
}

// node.LFS.<name>: config and time are computed, anything else is a module.
int lfs_index(lua_State* L) {
  const char* name = lua_tostring(L, 2);
  if (name == nullptr) {
    lua_pushnil(L);
  } else if (std::string_view(name) == "config") {
    push_config(L);
  } else if (std::string_view(name) == "time") {
    Image* img = image(L);
    lua_pushinteger(L, img != nullptr ? img->time : 0);
  } else {
    push_module(L, image(L), 2);
  }
  return 1;
}

constexpr luaL_Reg kLfs[] = {
    {"list", lfs_list},
    {"get", get},
    {"reload", lfs_reload},
    {nullptr, nullptr},
};

}  // namespace

lua_Integer capacity(lua_State* L) {
  return Boot::from(L).device().options().lfs.empty() ? 0 : kCapacity;
}

void push_config(lua_State* L) {
  Image* img = image(L);
  lua_createtable(L, 0, 4);
  lua_pushinteger(L, img != nullptr ? kMappedBase : 0);
  lua_setfield(L, -2, "lfs_mapped");
  lua_pushinteger(L, 0);
  lua_setfield(L, -2, "lfs_base");
  lua_pushinteger(L, img != nullptr ? kCapacity : 0);
  lua_setfield(L, -2, "lfs_size");
  lua_pushinteger(L, img != nullptr ? static_cast<lua_Integer>(img->used) : 0);
  lua_setfield(L, -2, "lfs_used");
}

int get(lua_State* L) {
  lua_settop(L, 1);
  push_module(L, image(L), 1);
  return 1;
}

int flashreload(lua_State* L) {
  Boot::from(L).device().console().write(
      "Warning, deprecated API! node.flashreload. It will be removed soon. Use node.LFS "
      "interface instead. See documentation for details.\n");
  lua::raise(L, "node.flashreload is not supported on nodemcu-host");
}

void open(lua_State* L) {
  Boot& boot = Boot::from(L);
  const std::string& dir = boot.device().options().lfs;
  if (!dir.empty()) {
    auto* img = static_cast<Image*>(lua_newuserdata(L, sizeof(Image)));
    new (img) Image();
    if (luaL_newmetatable(L, kImageMetatable) != 0) {
      lua_pushcfunction(L, image_gc);
      lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    bool built = false;
    {
      // Reported here, where no Lua call follows while the message is alive.
      std::string error;
      built = build(L, dir, *img, error);
      if (!built) {
        // A device cannot boot an image that luac.cross refused to build.
        boot.diagnostics().report(diag::kLua,
                                  {"--lfs " + dir + ": cannot build the LFS image: " + error});
      }
    }
    if (built) {
      lua_setfield(L, LUA_REGISTRYINDEX, kImageKey);
      lua_getglobal(L, "package");
      lua_getfield(L, -1, "searchers");
      lua_pushcfunction(L, searcher);
      lua_rawseti(L, -2, static_cast<lua_Integer>(lua_rawlen(L, -2)) + 1);
      lua_pop(L, 2);
    } else {
      lua_pop(L, 1);
      boot.device().request_exit(1);
      boot.halt();
    }
  }
  luaL_newlib(L, kLfs);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, lfs_index);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
}

}  // namespace nmh::lfs
