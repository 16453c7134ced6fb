// The modules a firmware build can contain (runtime.md §4), and how a boot
// opens them into ROM.
#pragma once

#include <cstddef>
#include <string>

#include "lua/lua.hpp"
#include "runtime/options.hpp"

namespace nmh {

struct ModuleEntry {
  const char* name;
  lua_CFunction open;  // pushes the module table; nullptr: not emulated (§4.0 stub)
};

// Every module name the host knows, emulated or not, in banner order.
const ModuleEntry* module_entries();
size_t module_count();

// --modules names only known modules.
bool validate_modules(const Options& options, std::string& error);

// Opens the modules selected by --modules into the table at the top of the stack (ROM)
// and into package.loaded.
void open_modules(lua_State* L, const Options& options);

// The comma list of the modules opened, for the banner and node.info.
std::string module_list(const Options& options);

// Each emulated module's opener, defined in src/modules/<name>/.
int open_tmr(lua_State* L);
int open_node(lua_State* L);
int open_file(lua_State* L);
int open_uart(lua_State* L);
int open_pipe(lua_State* L);
int open_bit(lua_State* L);
int open_net(lua_State* L);
int open_host(lua_State* L);  // the _HOST global (runtime.md §4.14), not a module

}  // namespace nmh
