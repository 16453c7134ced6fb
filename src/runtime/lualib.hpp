// The Lua library set of runtime.md §3: the standard libraries as the
// firmware has them, ROM, the flash-root loaders, print on the console.
#pragma once

#include <string>

#include "lua/lua.hpp"

namespace nmh {

class Boot;

// Step (1) of runtime.md §2.1: libraries and modules into a fresh state.
void open_libraries(Boot& boot);

// Reads a host file whole (the main SCRIPT may lie outside the flash root).
bool read_host_file(const std::string& path, std::string& out);

// runtime.md §4.0: in a device profile, a function the selected firmware lacks
// warns W-ABSENT at its first use from each line (nil under --strict).
// Replaces table[field] (table at idx) accordingly; qualified names it ("math.pow").
void mark_absent(lua_State* L, int idx, const char* field, const char* qualified);

// Loads a flash file as a chunk named "@name"; pushes the function, or nil and a message.
int load_flash_chunk(lua_State* L, const char* name);

}  // namespace nmh
