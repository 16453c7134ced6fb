#include "runtime/boot.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "runtime/bytecode.hpp"
#include "runtime/device.hpp"
#include "runtime/flash.hpp"
#include "runtime/lualib.hpp"
#include "runtime/modules.hpp"
#include "runtime/profile.hpp"

namespace nmh {

namespace {

// The device's message handler: debug.traceback(err, 2) as seen from Lua,
// which from this C handler is level 1. A value that is not a string (nor a
// number) passes unchanged, so it reaches print as the script raised it.
int traceback_handler(lua_State* L) {
  if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER) {
    lua_settop(L, 1);
    return 1;
  }
  luaL_traceback(L, L, lua_tostring(L, 1), 1);
  return 1;
}

// The boot frame: the main chunk runs inside one C function, so its traceback
// ends with `[C]: in ?` as on the device (runtime.md §2.4.3).
int boot_frame(lua_State* L) {
  lua_call(L, 0, 0);
  return 0;
}

// luaL_tolstring of the error value on top (left there), under protection:
// no lua_pcall encloses the runtime here, so a __tostring that raises would
// be a Lua panic. Its own error stands for the text then, when it is a string.
std::string error_text(lua_State* L) {
  int top = lua_gettop(L);
  auto to_text = [](lua_State* S) { luaL_tolstring(S, 1, nullptr); };
  lua_pushvalue(L, top);
  (void)lua::protect(L, to_text, 1);  // on failure its error value is on top
  size_t len = 0;
  const char* s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : nullptr;
  std::string text = s != nullptr
                         ? std::string(s, len)
                         : std::string("(error object is a ") + luaL_typename(L, top) + " value)";
  lua_settop(L, top);
  return text;
}

bool is_protected(CallbackKind kind) {
  return kind != CallbackKind::net && kind != CallbackKind::tls && kind != CallbackKind::mqtt;
}

constexpr const char* kBannerFormat =
    "\nNodeMCU 3.0.0.0 \n"
    "\tbranch: release\n"
    "\tcommit: 36cbf9f017d356319a6369e299765eedff191154\n"
    "\trelease: 3.0.0-release_20240225\n"
    "\trelease DTS: 202402250804\n"
    "\tSSL: {}\n"
    "\tbuild type: double\n"
    "\tLFS: {} bytes total capacity\n"
    "\tmodules: {}\n"
    " build " __DATE__ " powered by Lua {} on SDK nodemcu-host {}\n";

}  // namespace

const char* callback_kind_name(CallbackKind kind) {
  switch (kind) {
    case CallbackKind::tmr:
      return "tmr";
    case CallbackKind::task:
      return "node.task";
    case CallbackKind::wifi:
      return "wifi";
    case CallbackKind::pipe:
      return "pipe";
    case CallbackKind::uart:
      return "uart";
    case CallbackKind::gpio:
      return "gpio";
    case CallbackKind::file:
      return "file";
    case CallbackKind::sntp:
      return "sntp";
    case CallbackKind::net:
      return "net";
    case CallbackKind::tls:
      return "tls";
    case CallbackKind::mqtt:
      return "mqtt";
  }
  return "?";
}

Resource::Resource(Boot& boot) : boot_(boot) {
  next_ = boot.resources_;
  if (next_ != nullptr) next_->prev_ = this;
  boot.resources_ = this;
  ++boot.resource_count_;
}

Resource::~Resource() {
  if (prev_ != nullptr) {
    prev_->next_ = next_;
  } else {
    boot_.resources_ = next_;
  }
  if (next_ != nullptr) next_->prev_ = prev_;
  --boot_.resource_count_;
}

Boot::Boot(Device& device, bool first)
    : device_(device),
      first_(first),
      heap_(device.profile().heap_budget, device.profile().heap_scale, device.strict()) {
  boot_hrtime_ = uv_hrtime();
  L_ = lua_newstate(Heap::alloc, &heap_);
  // No Lua state: main() reports E-INTERNAL, status 70 (§1.3).
  if (L_ == nullptr) throw std::runtime_error("cannot create a Lua state (host out of memory)");
  *static_cast<Boot**>(lua_getextraspace(L_)) = this;
  lua::Ref::bind(L_);
  lua_atpanic(L_, [](lua_State* L) -> int {
    Boot& boot = Boot::from(L);
    // lua_tostring, not luaL_optstring: a panic handler must not raise (a
    // table as the error value would), least of all with a string alive.
    const char* message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    boot.diagnostics().report(diag::kInternal, {std::string("Lua panic: ") + message});
    boot.device().exit_now(70);
  });
  open_libraries(*this);

  uv_loop_t* loop = device.loop();
  uv_idle_init(loop, &task_idle_);
  task_idle_.data = this;
  uv_timer_init(loop, &error_restart_);
  error_restart_.data = this;
  // The soft-watchdog tick runs from boot but is not work (runtime.md §2.2, §2.8).
  uv_timer_init(loop, &softwd_tick_);
  softwd_tick_.data = this;
  uv_timer_start(
      &softwd_tick_,
      [](uv_timer_t* h) {
        auto* self = static_cast<Boot*>(h->data);
        if (self->softwd_ < 0 || self->halted_) return;
        if (--self->softwd_ >= 0) return;
        self->diagnostics().report(diag::kWatchdog, {"--on-error decides what follows"});
        switch (self->device_.options().on_error) {
          case OnError::exit:
            self->device_.request_exit(1);
            break;
          case OnError::restart:
            // An uncaught error (§2.8): the run ends with status 1, as for errors (§2.4.2).
            self->device_.mark_failed();
            self->device_.request_restart("soft watchdog", true);
            break;
          case OnError::cont:
            self->device_.mark_failed();
            self->softwd_ = -1;
            break;
        }
      },
      1000, 1000);
  uv_unref(reinterpret_cast<uv_handle_t*>(&softwd_tick_));
  open_handles_ = 3;
}

size_t Boot::next_state_id() {
  static size_t next = 0;
  return next++;
}

Boot::~Boot() {
  if (!torn_down_) teardown(false);
}

const Profile& Boot::profile() const {
  return device_.profile();
}
Diagnostics& Boot::diagnostics() const {
  return device_.diagnostics();
}
uv_loop_t* Boot::loop() const {
  return device_.loop();
}
bool Boot::strict() const {
  return device_.strict();
}

uint64_t Boot::uptime_us() const {
  auto offset = static_cast<uint64_t>(device_.options().uptime_offset * 1e6);
  return (uv_hrtime() - boot_hrtime_) / 1000 + offset;
}

void Boot::start_handle_close(uv_handle_t* h) {
  if (uv_is_closing(h) != 0) return;
  uv_close(h, [](uv_handle_t* handle) { --static_cast<Boot*>(handle->data)->open_handles_; });
}

void Boot::teardown(bool graceful) {
  if (torn_down_) return;
  torn_down_ = true;
  halted_ = true;
  device_.note_heap_high_water(heap_.high_water());
  // One loop over the boot's list (design.md). Each resource drops its Lua
  // references and starts closing; it frees itself in its close callback.
  std::vector<Resource*> live;
  for (Resource* r = resources_; r != nullptr; r = r->next_) live.push_back(r);
  for (Resource* r : live) r->shutdown(graceful);
  for (auto& queue : tasks_) queue.clear();
  pending_tasks_ = 0;
  output_sink_ = nullptr;
  lua_close(L_);
  lua::Ref::unbind(L_);
  lua::forget_classes();
  L_ = nullptr;
  start_handle_close(reinterpret_cast<uv_handle_t*>(&task_idle_));
  start_handle_close(reinterpret_cast<uv_handle_t*>(&softwd_tick_));
  start_handle_close(reinterpret_cast<uv_handle_t*>(&error_restart_));
  // Wait in the loop rather than poll it: a Link flushing to a peer that
  // does not read keeps its flush timer (1 s, runtime.md §2.7) and its
  // shutdown request active, so UV_RUN_ONCE sleeps until the timer, the
  // socket or a close callback is due. Pending close callbacks make libuv
  // poll without blocking, so closes never wait on a timeout.
  while (open_handles_ > 0 || resource_count_ > 0) {
    if (uv_run(loop(), UV_RUN_ONCE) != 0 || (open_handles_ == 0 && resource_count_ == 0)) continue;
    // Nothing that keeps the loop alive is left, yet something of the boot
    // is still open: no callback can ever finish it. End the run rather
    // than spin or hang (runtime.md §1.3: 70 for a host failure).
    diagnostics().report(diag::kInternal, {"teardown waits on " + std::to_string(resource_count_) +
                                           " resources and " + std::to_string(open_handles_) +
                                           " handles that nothing will close"});
    device_.exit_now(70);
  }
  states_.clear();
}

void Boot::start() {
  // A module may halt the boot while it opens (an --lfs image that does not
  // compile, runtime.md §4.2.2): then no Lua runs.
  if (halted_) return;
  const Options& options = device_.options();
  Persistent& state = device_.persistent();
  if (options.banner && state.startup_banner) {
    console_write(format_text(
        kBannerFormat,
        {"false", options.lfs.empty() ? "0x0" : "0x40000", module_list(options),
         LUA_VERSION_MAJOR "." LUA_VERSION_MINOR "." LUA_VERSION_RELEASE, NODEMCU_HOST_VERSION}));
  }
  // node.heap() counts from here: what is in use now is the firmware's own (§5.2).
  heap_.set_base();
  // Timers armed by the main chunk count from now, not from the loop's cached
  // time, which start-up may have left behind.
  uv_update_time(loop());
  if (first_) {
    for (const std::string& chunk : options.chunks) {
      if (!run_console_chunk(chunk, true) && options.on_error == OnError::exit) {
        diagnostics().report(diag::kLua, {"a -e chunk raised an error; exiting (--on-error exit)"});
        device_.request_exit(1);
        return;
      }
      if (halted_) return;
    }
  }
  run_main();
}

void Boot::run_main() {
  const Persistent& state = device_.persistent();
  std::string source;
  std::string name;
  bool found = false;
  if (state.startup_set && !state.startup_command.empty()) {
    // node.startup{command=...}: "@file" runs a flash file, "=code" runs code (§2.1).
    const std::string& cmd = state.startup_command;
    if (cmd[0] == '@') {
      name = cmd.substr(1);
      found = flash::read_file(device_.root_fd(), name, source);
    } else {
      name = "=";
      source = cmd[0] == '=' ? cmd.substr(1) : cmd;
      found = true;
    }
  } else if (!device_.main_name().empty()) {
    name = device_.main_name();
    if (device_.main_path().empty()) {
      found = flash::read_file(device_.root_fd(), name, source);
    } else {
      found = read_host_file(device_.main_path(), source);
    }
  } else {
    return;  // -e or -i alone: no main chunk
  }

  std::string failure;
  if (!found) {
    // The 5.3 firmware stubs strerror, so nothing follows the colon (§2.4.3).
    failure = "cannot open " + name + ": ";
    console_write(failure + "\n");
  } else {
    std::string chunkname = name == "=" ? "=startup" : "@" + name;
    Heap::Enforce enforce(heap_);
    lua_pushcfunction(L_, traceback_handler);
    int handler = lua_gettop(L_);
    if (bytecode::load(L_, source, chunkname.c_str(), nullptr) != LUA_OK) {
      failure = lua_tostring(L_, -1) != nullptr ? lua_tostring(L_, -1) : "syntax error";
      console_write(failure + "\n");
    } else {
      lua_pushcfunction(L_, boot_frame);
      lua_insert(L_, -2);
      lua_State* outer = set_running_lua(L_);
      int rc = lua_pcall(L_, 1, 0, handler);
      set_running_lua(outer);
      if (rc != LUA_OK) {
        failure = rc == LUA_ERRMEM ? "out of memory" : error_text(L_);
        console_write(failure + "\n");
      }
    }
    lua_settop(L_, handler - 1);
  }
  safe_point();
  if (failure.empty()) return;
  // The device prints the error and stays up, running whatever the chunk started.
  switch (device_.options().on_error) {
    case OnError::exit:
      diagnostics().report(diag::kLua, {"the main chunk " + name +
                                        " failed (the device prints the error and stays up); "
                                        "exiting (--on-error exit)"});
      device_.request_exit(1);
      break;
    case OnError::restart:
    case OnError::cont:
      device_.mark_failed();
      break;
  }
}

void Boot::push_handler(lua_State* L) {
  lua_pushcfunction(L, traceback_handler);
}

bool Boot::invoke(int nargs, CallbackKind kind) {
  lua_pushcfunction(L_, traceback_handler);
  lua_insert(L_, -(nargs + 2));
  return invoke_handled(nargs, kind);
}

bool Boot::invoke_handled(int nargs, CallbackKind kind) {
  int fn = lua_gettop(L_) - nargs - 1;  // the handler's index; the function is above it
  if (halted_) {
    lua_settop(L_, fn - 1);
    return false;
  }
  const double block_ms = profile().block_ms;
  if (block_ms > 0) {
    // A copy of the function stays below the call, to name where a slow callback is defined.
    lua_pushvalue(L_, fn + 1);
    lua_insert(L_, fn);
    ++fn;
  }
  uint64_t started = block_ms > 0 ? uv_hrtime() : 0;
  int rc = LUA_OK;
  {
    Heap::Enforce enforce(heap_);
    lua_State* outer = set_running_lua(L_);
    rc = lua_pcall(L_, nargs, 0, fn);
    set_running_lua(outer);
  }
  if (block_ms > 0) {
    double ms = static_cast<double>(uv_hrtime() - started) / 1e6;
    if (ms > block_ms) {
      // Once per callback definition (§2.8, §5.5), named by where it is defined.
      lua_Debug ar;
      lua_pushvalue(L_, fn - 1);
      lua_getinfo(L_, ">S", &ar);
      std::string location = ar.linedefined > 0
                                 ? std::string(ar.short_src) + ":" + std::to_string(ar.linedefined)
                                 : std::string();
      diagnostics().report(diag::kBlock, {std::to_string(static_cast<long long>(ms))}, location);
    }
    --fn;  // the copy is dropped with the rest below
  }
  if (rc != LUA_OK) {
    if (rc == LUA_ERRMEM) {
      lua_pop(L_, 1);
      lua_pushliteral(L_, "out of memory");  // the device skips the traceback (§2.4.1)
    }
    if (block_ms > 0) lua_remove(L_, fn);  // the copy: the error value must stay on top
    if (is_protected(kind)) {
      report_uncaught(kind);
    } else {
      panic(kind);
    }
  }
  lua_settop(L_, fn - 1);
  safe_point();
  return rc == LUA_OK;
}

void Boot::report_uncaught(CallbackKind kind) {
  // The device posts a HIGH task that calls the registry's onerror (§2.4.1).
  auto report = std::make_shared<lua::Ref>(lua::Ref::pop(L_));
  PostResult r =
      post(Priority::high, [this, report, kind] { call_onerror(std::move(*report), kind); });
  if (r == PostResult::refused) apply_error_policy(kind, false);
}

void Boot::call_onerror(lua::Ref report, CallbackKind kind) {
  lua_getfield(L_, LUA_REGISTRYINDEX, kOnErrorKey);
  bool custom = lua_isfunction(L_, -1);
  if (!custom) {
    lua_pop(L_, 1);
    lua_getglobal(L_, "print");
  }
  report.push(L_);
  lua_pushcfunction(L_, traceback_handler);
  lua_insert(L_, -3);
  int rc = LUA_OK;
  {
    Heap::Enforce enforce(heap_);
    lua_State* outer = set_running_lua(L_);
    rc = lua_pcall(L_, 1, 0, -3);
    set_running_lua(outer);
  }
  if (rc != LUA_OK) {
    // A handler that raises: its error is printed in the default form, no loop (§2.4.2).
    lua_getglobal(L_, "print");
    lua_insert(L_, -2);
    if (lua_pcall(L_, 1, 0, 0) != LUA_OK) lua_pop(L_, 1);
    custom = false;
  }
  lua_pop(L_, 1);  // the handler
  if (!custom) apply_error_policy(kind, false);
}

void Boot::panic(CallbackKind kind) {
  // ESP8266 net, tls and mqtt callbacks are unprotected: the firmware writes
  // the PANIC line straight to the UART and reboots at once (§2.4.1, §2.4.2).
  std::string message = error_text(L_);
  lua_pop(L_, 1);
  std::string first_line = message.substr(0, message.find('\n'));
  device_.console().write("PANIC: unprotected error in call to Lua API (" + first_line + ")\n");
  diagnostics().report(diag::kLua, {std::string("unprotected error in a ") +
                                    callback_kind_name(kind) + " callback: " + message});
  apply_error_policy(kind, true);
}

void Boot::apply_error_policy(CallbackKind kind, bool panic) {
  // The default handler arms its restart the first time only (§2.4.1).
  if (error_policy_applied_) return;
  error_policy_applied_ = true;
  const char* device_does =
      panic ? "the device aborts and reboots at once" : "the device restarts in 2 s";
  switch (device_.options().on_error) {
    case OnError::exit:
      diagnostics().report(diag::kLua,
                           {std::string("uncaught error in a ") + callback_kind_name(kind) +
                            " callback (" + device_does + "); exiting (--on-error exit)"});
      device_.request_exit(1);
      break;
    case OnError::restart:
      device_.mark_failed();
      if (panic) {
        device_.request_restart("unprotected error (--on-error restart)", true);
      } else {
        uv_timer_start(
            &error_restart_,
            [](uv_timer_t* h) {
              static_cast<Boot*>(h->data)->device_.request_restart(
                  "uncaught error (--on-error restart)", true);
            },
            2000, 0);
      }
      break;
    case OnError::cont:
      device_.mark_failed();
      break;
  }
}

void Boot::safe_point() {
  if (L_ == nullptr) return;
  const Profile& p = profile();
  // Past the budget after W-HEAP, node.heap() stays 0 and both rules below
  // would collect at every safe point, each a walk of a heap far larger than
  // the device's. The run goes on by design (runtime.md §5.3), so collect
  // again only once the heap has grown by a quarter since the last time.
  if (heap_warned_ && heap_.in_use() < collect_again_at_ && heap_.over_budget()) return;
  // The 5.3 firmware collects fully whenever free heap drops below 4 KB (§3.3).
  if (p.egc_threshold > 0 && heap_.free_bytes() < p.egc_threshold) lua_gc(L_, LUA_GCCOLLECT, 0);
  if (heap_.over_budget()) {
    lua_gc(L_, LUA_GCCOLLECT, 0);
    collect_again_at_ = heap_.in_use() + heap_.in_use() / 4;
    if (heap_.over_budget() && !heap_warned_) {
      heap_warned_ = true;
      // Once per boot (§5.3): keyed by the boot, printed without a location.
      diagnostics().report_keyed(
          diag::kHeap, "boot " + std::to_string(device_.boot_number()),
          {std::to_string(heap_.device_used()), std::to_string(heap_.budget()),
           std::to_string(heap_.high_water())});
    }
  }
}

PostResult Boot::post(Priority prio, lua::Ref fn, std::string_view location) {
  Task t;
  t.fn = std::move(fn);
  auto i = static_cast<size_t>(prio);
  size_t limit = profile().task_queue;
  PostResult result = PostResult::queued;
  if (limit > 0 && tasks_[i].size() >= limit) {
    if (strict()) return PostResult::refused;
    diagnostics().report(diag::kTaskQueue, {std::to_string(limit), std::to_string(i)}, location);
    result = PostResult::over_limit;
  }
  tasks_[i].push_back(std::move(t));
  ++pending_tasks_;
  check_tasks_idle();
  return result;
}

PostResult Boot::post(Priority prio, std::function<void()> native, std::string_view location) {
  auto i = static_cast<size_t>(prio);
  size_t limit = profile().task_queue;
  PostResult result = PostResult::queued;
  if (limit > 0 && tasks_[i].size() >= limit) {
    // Internal posts are dropped under --strict, with the warning (§5.4).
    diagnostics().report(diag::kTaskQueue, {std::to_string(limit), std::to_string(i)}, location);
    if (strict()) return PostResult::refused;
    result = PostResult::over_limit;
  }
  Task t;
  t.native = std::move(native);
  tasks_[i].push_back(std::move(t));
  ++pending_tasks_;
  check_tasks_idle();
  return result;
}

void Boot::check_tasks_idle() {
  auto* h = reinterpret_cast<uv_handle_t*>(&task_idle_);
  if (pending_tasks_ > 0 && !halted_) {
    if (uv_is_active(h) == 0) {
      uv_idle_start(&task_idle_,
                    [](uv_idle_t* idle) { static_cast<Boot*>(idle->data)->run_task_round(); });
    }
  } else if (uv_is_active(h) != 0) {
    uv_idle_stop(&task_idle_);
  }
}

void Boot::run_task_round() {
  // A round runs at most as many tasks as were pending when it began, always
  // the highest priority first; then timers and I/O get a turn (§2.3).
  size_t round = pending_tasks_;
  for (size_t n = 0; n < round && pending_tasks_ > 0 && !halted_; ++n) {
    size_t prio = 2;
    while (tasks_[prio].empty()) --prio;
    Task task = std::move(tasks_[prio].front());
    tasks_[prio].pop_front();
    --pending_tasks_;
    if (task.native) {
      task.native();
    } else {
      task.fn.push(L_);
      task.fn.reset();
      lua_pushinteger(L_, static_cast<lua_Integer>(prio));
      invoke(1, CallbackKind::task);
    }
  }
  check_tasks_idle();
}

void Boot::console_write(std::string_view bytes) {
  if (output_sink_) {
    output_sink_(bytes);
    if (!output_serial_too_) return;
  }
  device_.console().write(bytes);
}

void Boot::set_output_redirect(std::function<void(std::string_view)> sink, bool serial_too) {
  output_serial_too_ = !sink || serial_too;
  output_sink_ = std::move(sink);
}

void Boot::console_prompt() {
  const char* key = pending_console_.empty() ? "_PROMPT" : "_PROMPT2";
  lua_getglobal(L_, key);
  size_t len = 0;
  const char* custom = lua_tolstring(L_, -1, &len);
  std::string prompt = custom != nullptr          ? std::string(custom, len)
                       : pending_console_.empty() ? "> "
                                                  : ">> ";
  lua_pop(L_, 1);
  console_write(prompt);
}

bool Boot::console_line(std::string_view line, bool prompt) {
  std::string chunk =
      pending_console_.empty() ? std::string(line) : pending_console_ + "\n" + std::string(line);
  pending_console_.clear();
  bool ok = run_console_chunk(chunk, false);
  if (prompt && !halted_) console_prompt();
  return ok;
}

bool Boot::run_console_chunk(const std::string& line, bool whole) {
  // "=expr" means "return expr" (§4.9.3).
  std::string chunk = !line.empty() && line[0] == '=' ? "return " + line.substr(1) : line;
  Heap::Enforce enforce(heap_);
  lua_pushcfunction(L_, traceback_handler);
  int base = lua_gettop(L_);
  int rc = bytecode::load(L_, chunk, "=stdin", nullptr);
  if (rc == LUA_ERRSYNTAX && !whole) {
    // A chunk that fails only for being incomplete waits for the next line.
    size_t len = 0;
    const char* msg = lua_tolstring(L_, -1, &len);
    constexpr std::string_view kEof = "<eof>";
    if (len >= kEof.size() && std::string_view(msg + len - kEof.size()) == kEof) {
      pending_console_ = line;
      lua_settop(L_, base - 1);
      return true;
    }
  }
  if (rc == LUA_OK) {
    lua_State* outer = set_running_lua(L_);
    rc = lua_pcall(L_, 0, LUA_MULTRET, base);
    set_running_lua(outer);
    if (rc == LUA_OK && lua_gettop(L_) > base) {
      // Results are printed, as the device's interpreter does.
      lua_getglobal(L_, "print");
      lua_insert(L_, base + 1);
      if (lua_pcall(L_, lua_gettop(L_) - base - 1, 0, 0) != LUA_OK) lua_pop(L_, 1);
    }
  }
  if (rc != LUA_OK) {
    if (rc == LUA_ERRMEM) {
      lua_pop(L_, 1);
      lua_pushliteral(L_, "out of memory");
    }
    lua_getglobal(L_, "print");
    lua_pushliteral(L_, "Lua error: ");
    lua_pushvalue(L_, -3);
    if (lua_pcall(L_, 2, 0, 0) != LUA_OK) lua_pop(L_, 1);
  }
  lua_settop(L_, base - 1);
  safe_point();
  return rc == LUA_OK;
}

}  // namespace nmh
