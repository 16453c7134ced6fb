// Raising Lua errors from C++ with the compiler told that they do not return,
// so no path continues past a failed check (luaL_error is declared as
// returning int).
//
// Debian's Lua is built as C: an error unwinds with longjmp, which skips C++
// destructors. Nothing with a destructor (std::string, std::vector, lua::Ref,
// ...) may be alive in a C++ frame between a raising call and the lua_pcall
// that catches it. Check arguments first; do the work that owns C++ objects
// in a scope that returns an error value; raise once the scope has ended.
// Where such a scope must call into Lua, protect() keeps the error inside it.
#pragma once

#include <string_view>

#include "lua/lua.hpp"

namespace nmh::lua {

// luaL_error: "chunk:line: " + the formatted message.
[[noreturn]] void raise(lua_State* L, const char* fmt, ...);
// luaL_argerror: "bad argument #arg to 'name' (message)".
[[noreturn]] void raise_arg(lua_State* L, int arg, const char* message);

// Runs f(L) under lua_pcall and returns its status. f's results (whatever it
// pushed) are left on the stack; on an error, the error value instead, to be
// raised with lua_error once the caller's C++ objects are gone. f itself must
// own nothing with a destructor, and its argument errors would name no
// function: check arguments before, not inside.
template <class F>
int protect(lua_State* L, F& f) {
  lua_pushcfunction(L, [](lua_State* S) -> int {
    F& fn = *static_cast<F*>(lua_touserdata(S, 1));
    lua_settop(S, 0);
    fn(S);
    return lua_gettop(S);
  });
  lua_pushlightuserdata(L, &f);
  return lua_pcall(L, 1, LUA_MULTRET, 0);
}

// Pushes bytes as a Lua string under protect(): for a caller holding C++
// objects, where running out of Lua memory must not longjmp past them.
int push_string(lua_State* L, std::string_view bytes);

}  // namespace nmh::lua
