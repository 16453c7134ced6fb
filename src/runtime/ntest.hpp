// The --ntest harness (runtime.md §6.2): the host wraps the constructor that
// `require "NTest"` returns, so every run's outputhandler events are counted
// (plain) or printed as TAP lines (tap), and the exit status says whether the
// runs passed (§1.3, status 4).
#pragma once

#include "lua/lua.hpp"
#include "runtime/options.hpp"

namespace nmh {

class Diagnostics;

namespace ntest {

// Under --ntest: makes `require "NTest"` return the wrapped constructor,
// however the module is found (flash root, --lfs image, preload).
void install(lua_State* L);

// The exit status once the runtime has shut down: 0 becomes 4 when a run
// reported `fail` or `except`, or started and never reached `finish`; other
// statuses (1, 124, signals...) are kept, since they say more. Reports each
// such run as E-NTEST.
int verdict(const Options& options, Diagnostics& diagnostics, int status);

}  // namespace ntest
}  // namespace nmh
