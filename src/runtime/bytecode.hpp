// Binary chunks as the runtime writes and reads them (runtime.md §3.3).
// Stock Lua 5.3 has no bytecode verifier: a damaged chunk (a flash file cut
// by a power loss) can crash or hang the process when it runs. Every chunk
// the runtime writes (node.compile, string.dump, the --lfs image) ends with
// a trailer holding a CRC-32 of the chunk, and every binary chunk it loads
// must carry a matching one, or it is refused with Lua's own message.
#pragma once

#include <string>
#include <string_view>

#include "lua/lua.hpp"

namespace nmh::bytecode {

// Whether data is a binary chunk (starts with Lua's signature byte).
bool is_binary(std::string_view data);

// Appends the trailer to a chunk from lua_dump.
void seal(std::string& chunk);

// Sets body to the chunk without its trailer; false when the trailer is
// missing or does not match.
bool unseal(std::string_view data, std::string_view& body);

// lua_dump of the function on top of the stack (left there) into out,
// sealed; lua_dump's status (nonzero: a C function, nothing written).
int dump(lua_State* L, bool strip, std::string& out);

// luaL_loadbufferx, with a binary chunk loaded only when its trailer matches.
// A chunk that is not the host's (another header) gets Lua's header error,
// one whose trailer is missing or wrong "NAME: corrupted precompiled chunk"
// (lundump.c's message for damaged check data). Never raises.
int load(lua_State* L, std::string_view data, const char* chunkname, const char* mode);

}  // namespace nmh::bytecode
