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

// Runs f(L) under lua_pcall and returns its status. The nargs values on top
// of the stack are f's arguments (at 1..nargs); whatever f leaves on its
// stack are the results. On an error, the error value is left instead, to be
// raised with lua_error once the caller's C++ objects are gone. f itself must
// own nothing with a destructor, and its argument errors would name no
// function: check arguments before, not inside.
template <class F>
int protect(lua_State* L, F& f, int nargs = 0) {
  lua_pushcfunction(L, [](lua_State* S) -> int {
    F& fn = *static_cast<F*>(lua_touserdata(S, 1));
    lua_remove(S, 1);
    fn(S);
    return lua_gettop(S);
  });
  lua_pushlightuserdata(L, &f);
  lua_rotate(L, -(nargs + 2), 2);
  return lua_pcall(L, nargs + 1, LUA_MULTRET, 0);
}

// Pushes bytes as a Lua string under protect(): for a caller holding C++
// objects, where running out of Lua memory must not longjmp past them.
int push_string(lua_State* L, std::string_view bytes);

}  // namespace nmh::lua
