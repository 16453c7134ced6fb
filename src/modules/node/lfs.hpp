// node.LFS and its deprecated aliases (runtime.md §4.2.2), shared by node.cpp.
#pragma once

#include "lua/lua.hpp"

namespace nmh::lfs {

// The image capacity: 0 without --lfs (a device with no LFS partition).
lua_Integer capacity(lua_State* L);

// Builds the boot's image from every --lfs DIR/*.lua, pushes the node.LFS
// table and, with an image, appends the LFS searcher to package.searchers.
// A module that does not compile is a boot error: the boot is halted and the
// run ends with status 1.
void open(lua_State* L);

// Pushes the table of node.LFS.config and node.info("lfs").
void push_config(lua_State* L);

// node.flashindex(name) = node.LFS.get(name); node.flashreload(image).
int get(lua_State* L);
int flashreload(lua_State* L);

}  // namespace nmh::lfs
