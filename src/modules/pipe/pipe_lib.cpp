// The pipe module (runtime.md §4.10): pipe.create and the pipe methods.
#include "lua/box.hpp"
#include "lua/error.hpp"
#include "modules/pipe/pipe.hpp"
#include "runtime/gc_detach.hpp"
#include "runtime/modules.hpp"

namespace nmh {

namespace {

// The device's pipe is a table; a wrong self is `(pipe table)` there.
Pipe* check_pipe(lua_State* L) {
  void* ud = luaL_testudata(L, 1, Pipe::kMetatable);
  if (ud == nullptr) lua::raise_arg(L, 1, "pipe table");
  Pipe* p = *static_cast<Pipe**>(ud);
  if (p == nullptr) lua::raise(L, "pipe is gone");
  return p;
}

// A count, or a one-character delimiter with an optional "+" to keep it;
// nothing means "\n+" (runtime.md §4.10, the firmware's pipe documentation).
Pipe::ReadSpec check_spec(lua_State* L, int idx) {
  Pipe::ReadSpec spec;
  if (lua_type(L, idx) == LUA_TNUMBER) {
    lua_Integer n = luaL_checkinteger(L, idx);
    luaL_argcheck(L, n > 0, idx, "invalid chunk size");
    spec.size = static_cast<size_t>(n);
  } else if (!lua_isnoneornil(L, idx)) {
    size_t len = 0;
    const char* s = lua_tolstring(L, idx, &len);
    std::optional<Pipe::ReadSpec> delimited =
        s != nullptr ? PipeBuffer::delimiter({s, len}) : std::nullopt;
    if (!delimited) lua::raise_arg(L, idx, "invalid delimiter");
    spec = *delimited;
  }
  return spec;
}

std::string_view check_bytes(lua_State* L, int idx) {
  size_t len = 0;
  const char* s = lua_tolstring(L, idx, &len);
  luaL_argcheck(L, s != nullptr, idx, "must be a string");
  return {s, len};
}

int pipe_create(lua_State* L) {
  lua_settop(L, 2);
  int reader = 0;
  auto prio = Priority::medium;
  if (!lua_isnil(L, 1)) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    if (!lua_isnil(L, 2)) {
      // lua_tointeger as the firmware: a non-number reads as 0 (LOW).
      lua_Integer p = lua_tointeger(L, 2);
      luaL_argcheck(L, p >= 0 && p <= 2, 2, "invalid priority");
      prio = static_cast<Priority>(p);
    }
    reader = 1;
  }
  Pipe::push(L, reader, prio);
  return 1;
}

int pipe_write(lua_State* L) {
  Pipe* p = check_pipe(L);
  std::string_view bytes = check_bytes(L, 2);
  p->write(L, 1, bytes);
  return 0;
}

int pipe_unread(lua_State* L) {
  Pipe* p = check_pipe(L);
  p->unread(check_bytes(L, 2));
  return 0;
}

int pipe_read(lua_State* L) {
  Pipe* p = check_pipe(L);
  Pipe::ReadSpec spec = check_spec(L, 2);
  int status = LUA_OK;
  {
    std::optional<std::string> record = p->read(spec);
    if (!record) {
      lua_pushnil(L);
      return 1;
    }
    status = lua::push_string(L, *record);
  }
  if (status != LUA_OK) return lua_error(L);
  return 1;
}

// The iterator p:reader() returns: p:read(spec) with both kept as upvalues.
int pipe_iterate(lua_State* L) {
  lua_settop(L, 0);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, lua_upvalueindex(2));
  return pipe_read(L);
}

int pipe_reader(lua_State* L) {
  lua_settop(L, 2);
  check_pipe(L);
  check_spec(L, 2);
  lua_pushcclosure(L, pipe_iterate, 2);
  return 1;
}

int pipe_nrec(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(check_pipe(L)->nrec()));
  return 1;
}

int pipe_tostring(lua_State* L) {
  lua_pushfstring(L, "Pipe: %p", lua_topointer(L, 1));
  return 1;
}

constexpr luaL_Reg kPipeMethods[] = {
    {"write", pipe_write},   {"read", pipe_read}, {"unread", pipe_unread},
    {"reader", pipe_reader}, {"nrec", pipe_nrec}, {nullptr, nullptr},
};

constexpr luaL_Reg kPipe[] = {
    {"create", pipe_create},
    {nullptr, nullptr},
};

}  // namespace

int open_pipe(lua_State* L) {
  lua::new_class(L, Pipe::kMetatable, kPipeMethods, gc_detach<Pipe>);
  lua_pushcfunction(L, pipe_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  luaL_newlib(L, kPipe);
  return 1;
}

}  // namespace nmh
