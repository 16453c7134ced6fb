#include "runtime/loop_handles.hpp"

namespace nmh {

namespace {

bool any_closing(uv_loop_t* loop) {
  bool closing = false;
  uv_walk(
      loop, [](uv_handle_t* h, void* arg) { *static_cast<bool*>(arg) |= uv_is_closing(h) != 0; },
      &closing);
  return closing;
}

}  // namespace

void finish_closing(uv_loop_t* loop) {
  while (any_closing(loop)) uv_run(loop, UV_RUN_NOWAIT);
}

std::string open_handles_report(uv_loop_t* loop) {
  struct Walk {
    size_t count = 0;
    std::string names;
  } walk;
  uv_walk(
      loop,
      [](uv_handle_t* h, void* arg) {
        auto& w = *static_cast<Walk*>(arg);
        if (w.count++ != 0) w.names += ", ";
        w.names += uv_handle_type_name(uv_handle_get_type(h));
        if (uv_is_closing(h) != 0) {
          w.names += " (closing)";
        } else if (uv_is_active(h) != 0) {
          w.names += " (active)";
        }
      },
      &walk);
  // A request outlives no handle but the loop counts it too (uv_loop_close: UV_EBUSY).
  unsigned requests = loop->active_reqs.count;
  if (walk.count == 0 && requests == 0) return {};
  std::string report = std::to_string(walk.count) +
                       (walk.count == 1 ? " libuv handle" : " libuv handles") +
                       " still open at exit";
  if (walk.count != 0) report += ": " + walk.names;
  if (requests != 0) report += "; " + std::to_string(requests) + " requests pending";
  return report;
}

}  // namespace nmh
