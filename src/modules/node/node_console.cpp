// node.input and node.output (runtime.md §4.2.1, §4.9.3).
#include "modules/node/node_console.hpp"

#include <memory>

#include "lua/error.hpp"
#include "modules/pipe/pipe.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/stdin.hpp"

namespace nmh {

// node.input(str): into the interpreter's input, as the firmware writes it to
// its stdin pipe; each complete line runs as a LOW task with a prompt after it.
int node_input(lua_State* L) {
  size_t len = 0;
  const char* s = luaL_checklstring(L, 1, &len);
  Boot& boot = Boot::from(L);
  boot.device().stdin_reader().input(boot).feed({s, len});
  return 0;
}

// node.output([fn[, serial_debug]]): console output goes to a pipe whose
// reader fn runs at MEDIUM, and to stdout too unless serial_debug is the
// number 0; without a function, back to stdout alone.
int node_output(lua_State* L) {
  bool serial = !(lua_isnumber(L, 2) != 0 && lua_tointeger(L, 2) == 0);
  Boot& boot = Boot::from(L);
  if (!lua_isfunction(L, 1)) {
    boot.set_output_redirect(nullptr, true);
    return 0;
  }
  Pipe** box = Pipe::push(L, 1, Priority::medium);
  // The redirection holds the pipe, as the firmware's registry.stdout does.
  auto pipe = std::make_shared<lua::Ref>(lua::Ref::pop(L));
  boot.set_output_redirect(
      [&boot, box, pipe](std::string_view bytes) {
        Pipe* p = *box;
        if (p == nullptr) return;
        // Writers hold C++ strings (print's line, a report), so the write
        // must not raise: out of Lua memory, the reader is not posted now
        // (the bytes stay queued for the next write to post it).
        auto write = [&pipe, p, bytes](lua_State* S) {
          pipe->push(S);
          p->write(S, -1, bytes);
          lua_settop(S, 0);
        };
        lua_State* S = boot.L();
        if (lua::protect(S, write) != LUA_OK) lua_pop(S, 1);
      },
      serial);
  return 0;
}

}  // namespace nmh
