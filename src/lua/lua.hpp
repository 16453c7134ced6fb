// The Lua C API, as C++ sees it (the Debian headers are plain C).
#pragma once

extern "C" {
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
}
