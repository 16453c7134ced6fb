// What is left in a libuv loop at exit. libuv's own test runner fails a test
// that leaves a handle open (design.md, "Models worth imitating"); the
// leak-check build (NODEMCU_LEAK_CHECK) does the same with every run.
#pragma once

#include <uv.h>

#include <string>

namespace nmh {

// Runs the loop until no handle is closing: a close callback runs in the
// iteration after uv_close, and may close another handle. Each pass finishes
// every close started before it, so this ends; it never waits for I/O.
void finish_closing(uv_loop_t* loop);

// "" when the loop holds no handle and no request; otherwise one line naming
// each handle and its state, e.g.
// "2 libuv handles still open at exit: tcp (active), timer".
std::string open_handles_report(uv_loop_t* loop);

}  // namespace nmh
