// The __gc of every class whose userdata boxes a Resource (timers, files,
// pipes, net objects): the object lets go of Lua and frees itself (design.md,
// object lifetime). The box is emptied here, inside its own __gc, the one time
// the C++ side writes into Lua memory (lua::take_from_box). Within the state's
// close at teardown every resource is shut down already, some freed: the
// object is then left alone.
#pragma once

#include "lua/box.hpp"
#include "runtime/boot.hpp"

namespace nmh {

template <class T>
int gc_detach(lua_State* L) {
  T* object = lua::take_from_box<T>(L, T::kMetatable);
  if (object != nullptr && !Boot::from(L).torn_down()) object->detach();
  return 0;
}

}  // namespace nmh
