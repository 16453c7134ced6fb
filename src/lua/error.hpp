// Raising Lua errors from C++ with the compiler told that they do not return,
// so no path continues past a failed check (luaL_error is declared as
// returning int).
#pragma once

#include "lua/lua.hpp"

namespace nmh::lua {

// luaL_error: "chunk:line: " + the formatted message.
[[noreturn]] void raise(lua_State* L, const char* fmt, ...);
// luaL_argerror: "bad argument #arg to 'name' (message)".
[[noreturn]] void raise_arg(lua_State* L, int arg, const char* message);

}  // namespace nmh::lua
