// Boot: one Lua state and everything created under it (design.md). Restart
// destroys the Boot and makes a new one; the Device outlives it.
#pragma once

#include <uv.h>

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lua/lua.hpp"
#include "lua/ref.hpp"
#include "runtime/diagnostics.hpp"
#include "runtime/heap.hpp"
#include "runtime/resource.hpp"

namespace nmh {

class Device;
class Diagnostics;
struct Profile;

// Who runs a callback decides how its errors are handled (runtime.md §2.4.1):
// the first group are protected calls on the device; net, tls and mqtt panic.
enum class CallbackKind { tmr, task, wifi, pipe, uart, gpio, file, sntp, net, tls, mqtt };
const char* callback_kind_name(CallbackKind kind);

enum class Priority { low = 0, medium = 1, high = 2 };

enum class PostResult { queued, over_limit, refused };

// Per-boot state of a module (net's connection count, shared buffers). It is
// destroyed after every resource of the boot has closed.
class ModuleState {
 public:
  virtual ~ModuleState() = default;
};

class Boot {
 public:
  Boot(Device& device, bool first);
  ~Boot();
  Boot(const Boot&) = delete;
  Boot& operator=(const Boot&) = delete;

  // The Boot a Lua state belongs to (kept in the state's extra space).
  static Boot& from(lua_State* L) { return **static_cast<Boot**>(lua_getextraspace(L)); }

  lua_State* L() const { return L_; }

  // The boot's instance of T (a ModuleState constructible from Boot&), made on first use.
  // A slot index per type, not a hash look-up: net asks for its state on
  // every read and send (design.md hot path).
  template <class T>
  T& state() {
    static const size_t id = next_state_id();
    if (id >= states_.size()) states_.resize(id + 1);
    auto& slot = states_[id];
    if (!slot) slot = std::make_unique<T>(*this);
    return static_cast<T&>(*slot);
  }
  Device& device() const { return device_; }
  const Profile& profile() const;
  Diagnostics& diagnostics() const;
  Heap& heap() { return heap_; }
  // An object that must close before the boot ends but is reached through
  // another resource rather than the list (net's Links): teardown waits
  // until every hold is released.
  void hold() { ++resource_count_; }
  void release() { --resource_count_; }
  uv_loop_t* loop() const;
  // True when the limits of the profile fail as on the device (--strict under a device profile).
  bool strict() const;
  // Teardown has begun: every resource is shut down (some freed already),
  // so the __gc of a box that the state's close collects must not reach
  // its object.
  bool torn_down() const { return torn_down_; }
  // No more Lua runs: a restart, exit or shutdown is pending.
  bool halted() const { return halted_; }
  void halt() { halted_ = true; }

  // Steps (4)-(6) of runtime.md §2.1: banner, -e chunks, the main chunk.
  void start();
  // Stops everything the boot owns (runtime.md §2.5, §2.7); then it may be destroyed.
  // graceful: sockets end with FIN (shutdown); otherwise they are aborted (restart).
  void teardown(bool graceful);

  // The one path into Lua (design.md): calls the function below the nargs
  // values on top of the stack, under the traceback handler, and applies the
  // error policy of kind (runtime.md §2.4). Pops the function and arguments.
  // Returns true if the call completed without error.
  bool invoke(int nargs, CallbackKind kind);
  // The same, for a caller that pushed the handler first (push_handler, then
  // the function, then the nargs values): no stack rotation on the hot path.
  static void push_handler(lua_State* L);
  bool invoke_handled(int nargs, CallbackKind kind);

  // Tasks (runtime.md §2.3). A Lua task is called as fn(prio); a native task
  // is host work that counts against the same queue (error reports, pipes).
  PostResult post(Priority prio, lua::Ref fn, std::string_view location);
  PostResult post(Priority prio, std::function<void()> native, std::string_view location = {});

  // Console output (runtime.md §1.4): print, prompts, error reports. Honours node.output.
  void console_write(std::string_view bytes);
  // node.output redirection: a function receiving console output, and whether
  // stdout gets it too. An empty function restores plain stdout.
  void set_output_redirect(std::function<void(std::string_view)> sink, bool serial_too);

  // The interpreter of runtime.md §4.9.3. prompt: print the prompt after the line.
  // Returns false if the line raised an error.
  bool console_line(std::string_view line, bool prompt);
  void console_prompt();

  // Soft watchdog (runtime.md §2.8): the counter the 1 s tick decrements.
  void set_softwd(long long seconds) { softwd_ = seconds; }

  // Microseconds since this boot (plus --uptime-offset).
  uint64_t uptime_us() const;

  // The handler node.setonerror installs lives in the registry under this key;
  // nil there means the default handler (runtime.md §2.4.1).
  static constexpr const char* kOnErrorKey = "onerror";

  // Reports an uncaught error value (on top of the stack, popped) the way the
  // device does for a callback of kind: a HIGH task calling the onerror handler.
  void report_uncaught(CallbackKind kind);

 private:
  friend class Resource;
  struct Task {
    lua::Ref fn;
    std::function<void()> native;
  };

  void run_main();
  // whole: a -e chunk, complete in itself (an incomplete one is an error).
  bool run_console_chunk(const std::string& line, bool whole);
  void run_task_round();
  void safe_point();
  void panic(CallbackKind kind);
  void call_onerror(lua::Ref report, CallbackKind kind);
  void apply_error_policy(CallbackKind kind, bool panic);
  void start_handle_close(uv_handle_t* h);
  void check_tasks_idle();

  Device& device_;
  bool first_;
  Heap heap_;
  lua_State* L_ = nullptr;
  bool halted_ = false;
  bool torn_down_ = false;
  bool error_policy_applied_ = false;  // the default handler restarts once per boot
  bool heap_warned_ = false;
  size_t collect_again_at_ = 0;  // past the budget: in_use that earns the next collection

  Resource* resources_ = nullptr;
  size_t resource_count_ = 0;
  std::array<std::deque<Task>, 3> tasks_;
  size_t pending_tasks_ = 0;

  uv_idle_t task_idle_{};
  uv_timer_t softwd_tick_{};
  uv_timer_t error_restart_{};
  int open_handles_ = 0;
  long long softwd_ = -1;
  uint64_t boot_hrtime_ = 0;

  std::function<void(std::string_view)> output_sink_;
  bool output_serial_too_ = true;
  std::string pending_console_;  // an incomplete console chunk waiting for its next line
  static size_t next_state_id();
  std::vector<std::unique_ptr<ModuleState>> states_;
};

}  // namespace nmh
