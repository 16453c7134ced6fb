#include "runtime/device.hpp"

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "runtime/boot.hpp"
#include "runtime/host_fs.hpp"
#include "runtime/loop_handles.hpp"
#include "runtime/modules.hpp"
#include "runtime/ntest.hpp"
#include "runtime/stdin.hpp"

namespace nmh {

namespace {

// Signals reach the loop through an async handle; a script stuck in Lua is
// stopped by a hook, since its callback never returns to the loop (§2.7).
Device* g_device = nullptr;
uv_async_t* g_wake = nullptr;
volatile std::sig_atomic_t g_signal = 0;  // the first signal; it decides the status
std::atomic<uint64_t> g_signal_ns{0};     // when it came (uv_hrtime)
lua_State* volatile g_running_lua = nullptr;
static_assert(std::atomic<uint64_t>::is_always_lock_free, "used from a signal handler");

// A callback still running this long after the signal is stuck: stop it where
// it stands. Shorter ones finish, so the shutdown of §2.7 stays graceful.
constexpr uint64_t kStuckNs = 250'000'000;
// Lua that the hook cannot reach (a coroutine created before the signal, a C
// call that never returns): the fallback alarm ends the process after this.
constexpr unsigned kFallbackSeconds = 2;
// The E-TIMEOUT line, formatted in advance: the fallback can only write(2) it.
std::string g_timeout_line;

// libuv's first uv_loop_init makes its epoll descriptor, then a process-wide
// signal pipe, and answers a failure of that pipe with abort() (libuv 1.44,
// uv__signal_global_reinit): with one or two descriptors free past stdio the
// run died by SIGABRT with nothing said. Three descriptors are taken and given
// back first, so a shortage is the E-INTERNAL of any other (runtime.md §1.3).
// 0, or the errno of the descriptor that could not be had.
int loop_descriptors_missing() {
  constexpr int kLoopStart = 3;
  int fds[kLoopStart];
  int taken = 0;
  int error = 0;
  for (; taken < kLoopStart; ++taken) {
    fds[taken] = eventfd(0, EFD_CLOEXEC);
    if (fds[taken] < 0) {
      error = errno;
      break;
    }
  }
  for (int i = 0; i < taken; ++i) ::close(fds[i]);
  return error;
}

int status_for_signal(int signo) {
  return signo == SIGALRM ? 124 : 128 + signo;
}

void stop_hook(lua_State* L, lua_Debug* /*ar*/) {
  if (uv_hrtime() - g_signal_ns.load() < kStuckNs) return;
  lua_sethook(L, nullptr, 0, 0);
  int signo = g_signal;
  if (signo == SIGALRM) {
    g_device->diagnostics().report(diag::kTimeout, {format_seconds(*g_device->options().timeout)});
  }
  g_device->exit_now(status_for_signal(signo));
}

void on_raw_signal(int signo) {
  int saved = errno;
  if (g_signal != 0) {
    // A second signal exits at once (§2.7); so does the fallback alarm of a
    // shutdown that never reached the loop.
    if (signo == SIGALRM && g_signal == SIGALRM && !g_timeout_line.empty()) {
      ssize_t n = write(STDERR_FILENO, g_timeout_line.data(), g_timeout_line.size());
      (void)n;
    }
    _exit(signo == SIGALRM ? status_for_signal(g_signal) : 128 + signo);
  }
  g_signal = signo;
  g_signal_ns.store(uv_hrtime());
  if (g_wake != nullptr) uv_async_send(g_wake);
  lua_State* L = g_running_lua;
  // lua_sethook is safe to call from a signal handler (Lua manual, lua_sethook).
  if (L != nullptr) lua_sethook(L, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1000);
  alarm(kFallbackSeconds);
  errno = saved;
}

// Everything the run opened is closed by now: a handle still in the loop is
// a leak. The leak-check build fails the run, as libuv's test runner fails
// a test that leaves one open (design.md); others close what they can.
void fail_on_leak([[maybe_unused]] uv_loop_t* loop) {
#ifdef NODEMCU_LEAK_CHECK
  std::string line = "nodemcu-host: internal: " + open_handles_report(loop) + "\n";
  (void)std::fwrite(line.data(), 1, line.size(), stderr);
  std::abort();
#endif
}

}  // namespace

lua_State* set_running_lua(lua_State* L) {
  lua_State* previous = g_running_lua;
  g_running_lua = L;
  return previous;
}

bool signal_pending() {
  return g_signal != 0;
}

std::string format_seconds(double seconds) {
  char text[32];
  (void)std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

Device::Device(Options options)
    : options_(std::move(options)),
      profile_(find_profile(options_.profile)),
      diagnostics_(stderr, options_.quiet, [this] { console_.flush(); }) {
  if (options_.heap || options_.heap_scale) {
    // --heap and --heap-scale override the profile's numbers (runtime.md §5.2).
    static Profile custom;
    custom = *profile_;
    if (options_.heap) custom.heap_budget = *options_.heap;
    if (options_.heap_scale) custom.heap_scale = *options_.heap_scale;
    profile_ = &custom;
  }
  // No loop, no device: main() reports E-INTERNAL, status 70 (§1.3).
  int rc = -loop_descriptors_missing();
  if (rc == 0) rc = uv_loop_init(&loop_);
  if (rc != 0)
    throw std::runtime_error(std::string("cannot create the event loop: ") + uv_strerror(rc));
  loop_ok_ = true;
}

Device::~Device() {
  if (loop_ok_ && !loop_closed_) {
    // run() did not get to close the loop (an exception): close what is left.
    uv_walk(
        &loop_,
        [](uv_handle_t* h, void*) {
          if (uv_is_closing(h) == 0) uv_close(h, nullptr);
        },
        nullptr);
    finish_closing(&loop_);
    uv_loop_close(&loop_);
  }
  if (root_fd_ >= 0) ::close(root_fd_);
  if (!scratch_path_.empty()) {
    host_fs::remove_tree(scratch_path_);
  }
  g_device = nullptr;
  g_wake = nullptr;
}

bool Device::setup_flash(std::string& error) {
  std::string root;
  std::string script;
  if (!options_.operand.empty()) {
    const std::string& operand = options_.operand;
    if (host_fs::is_directory(operand)) {
      root = operand;
      main_name_ = "init.lua";
    } else if (host_fs::is_regular_file(operand)) {
      script = host_fs::normal(host_fs::absolute(operand));
      // The parent directory; a normal file path never ends in a separator.
      size_t slash = script.rfind('/');
      root = slash == std::string::npos ? "" : script.substr(0, slash == 0 ? 1 : slash);
    } else {
      error = "no such script or directory: " + options_.operand;
      return false;
    }
  } else {
    root = host_fs::current_directory();
  }
  if (!options_.root.empty()) {
    if (!host_fs::is_directory(options_.root)) {
      error = "--root is not a directory: " + options_.root;
      return false;
    }
    root = options_.root;
  }
  root = host_fs::normal(host_fs::absolute(root));
  if (!script.empty()) {
    // Inside the root the chunk is named by its flash name; outside, by its
    // base name. Both paths are normal, so inside means root is a prefix
    // ending at a separator.
    std::string_view base = root;
    if (base.size() > 1 && base.back() == '/') base.remove_suffix(1);
    bool inside = false;
    std::string rel;
    if (base.empty() || base == ".") {
      // Relative paths, the working directory being unknown.
      inside = script.front() != '/' && script != ".." && !script.starts_with("../");
      rel = script;
    } else if (script.starts_with(base) && script.size() > base.size() &&
               (base == "/" || script[base.size()] == '/')) {
      inside = true;
      rel = script.substr(base == "/" ? 1 : base.size() + 1);
    }
    main_name_ = inside ? rel : script.substr(script.rfind('/') + 1);
    main_path_ = script;
    if (inside && options_.scratch) main_path_.clear();  // read the scratch copy
  }
  if (options_.scratch) {
    std::string templ = host_fs::join(host_fs::temp_directory(), "nodemcu-host-XXXXXX");
    if (mkdtemp(templ.data()) == nullptr) {
      int e = errno;
      error = std::string("cannot create the --scratch copy: ") + std::strerror(e);
      if (e == EMFILE || e == ENFILE || e == ENOMEM) throw std::runtime_error(error);
      return false;
    }
    scratch_path_ = templ;
    host_fs::CopyReport report;
    if (int e = host_fs::copy_tree(root, scratch_path_, report); e != 0) {
      error =
          "cannot copy the flash root for --scratch: " + report.failed + ": " + std::strerror(e);
      return false;
    }
    if (!report.skipped.empty()) {
      diagnostics_.report(diag::kScratchSkipped,
                          {std::to_string(report.skipped.size()), report.skipped.front()});
    }
    root = scratch_path_;
  }
  root_fd_ = ::open(root.c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC);
  if (root_fd_ < 0) {
    int e = errno;
    error = "cannot open the flash root " + root + ": " + std::strerror(e);
    // Out of descriptors or memory is the host's failure, not the command line's (§1.3: 70).
    if (e == EMFILE || e == ENFILE || e == ENOMEM) throw std::runtime_error(error);
    return false;
  }
  return true;
}

void Device::request_restart(std::string reason, bool counted) {
  if (pending_ == Pending::exit) return;  // an exit already decided wins
  pending_ = Pending::restart;
  restart_reason_ = std::move(reason);
  restart_counted_ = counted;
  if (boot_) boot_->halt();
  uv_stop(&loop_);
}

void Device::request_exit(int status) {
  if (pending_ == Pending::exit) return;
  pending_ = Pending::exit;
  exit_status_ = status;
  if (boot_) boot_->halt();
  uv_stop(&loop_);
}

void Device::request_dsleep(uint64_t us) {
  if (pending_ == Pending::exit) return;
  pending_ = Pending::dsleep;
  dsleep_us_ = us;
  if (boot_) boot_->halt();
  uv_stop(&loop_);
}

void Device::on_signal(int signo) {
  // The running callback returned: no hook may stop the teardown's Lua (__gc).
  if (boot_ && boot_->L() != nullptr) lua_sethook(boot_->L(), nullptr, 0, 0);
  if (signo == SIGALRM) diagnostics_.report(diag::kTimeout, {format_seconds(*options_.timeout)});
  request_exit(status_for_signal(signo));
}

void Device::exit_now(int status) {
  console_.flush();
  if (!scratch_path_.empty()) {
    host_fs::remove_tree(scratch_path_);
  }
  _exit(status);
}

StdinReader& Device::stdin_reader() {
  if (!stdin_reader_) stdin_reader_ = std::make_unique<StdinReader>(*this);
  return *stdin_reader_;
}

void Device::teardown_boot(bool graceful) {
  boot_->teardown(graceful);
  boot_.reset();
}

int Device::run() {
  std::string error;
  if (!validate_modules(options_, error) || !setup_flash(error)) {
    diagnostics_.report(diag::kUsage, {error});
    return 2;
  }
  if (options_.strict && !profile_->device) diagnostics_.report(diag::kStrictIgnored);

  g_device = this;
  uv_async_init(&loop_, &wake_, [](uv_async_t* h) {
    auto* self = static_cast<Device*>(h->data);
    if (g_signal != 0) self->on_signal(g_signal);
  });
  wake_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&wake_));
  g_wake = &wake_;
  uv_prepare_init(&loop_, &flush_);
  flush_.data = this;
  uv_prepare_start(&flush_, [](uv_prepare_t* h) {
    auto* self = static_cast<Device*>(h->data);
    if (!self->console_.flush()) self->request_exit(0);  // EPIPE: clean shutdown (§1.4)
  });
  uv_unref(reinterpret_cast<uv_handle_t*>(&flush_));

  struct sigaction sa {};
  sa.sa_handler = on_raw_signal;
  sa.sa_flags = SA_RESTART;  // modules' blocking calls need not expect EINTR
  sigemptyset(&sa.sa_mask);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGALRM}) sigaction(s, &sa, nullptr);
  (void)std::signal(SIGPIPE, SIG_IGN);
  if (options_.timeout) {
    g_timeout_line = "nodemcu-host: error: " + std::string(diag::kTimeout.id) + ": " +
                     format_text(diag::kTimeout.text, {format_seconds(*options_.timeout)}) + "\n";
    itimerval it{};
    double secs = *options_.timeout;
    it.it_value.tv_sec = static_cast<time_t>(secs);
    it.it_value.tv_usec =
        static_cast<suseconds_t>((secs - static_cast<double>(it.it_value.tv_sec)) * 1e6);
    if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0) it.it_value.tv_usec = 1;
    setitimer(ITIMER_REAL, &it, nullptr);
  }

  for (bool first = true;; first = false) {
    pending_ = Pending::none;
    ++boots_;
    boot_ = std::make_unique<Boot>(*this, first);
    boot_->start();
    // -i: first prompt, then stdin lines as LOW tasks (runtime.md §1.2, §4.9.3).
    stdin_reader().boot_started(*boot_);
    if (pending_ == Pending::none) uv_run(&loop_, UV_RUN_DEFAULT);
    Pending what = pending_;
    if (what == Pending::none || what == Pending::exit) {
      teardown_boot(true);
      break;
    }
    teardown_boot(false);
    if (pending_ == Pending::exit) break;  // a signal reached the loop during the teardown
    if (what == Pending::dsleep) {
      // --on-dsleep wake: the device sleeps, then boots with reason 2, 5 (§2.6).
      pending_ = Pending::none;
      uv_timer_t sleep{};
      uv_timer_init(&loop_, &sleep);
      uv_timer_start(
          &sleep, [](uv_timer_t*) {}, (dsleep_us_ + 999) / 1000, 0);
      uv_run(&loop_, UV_RUN_DEFAULT);
      uv_close(reinterpret_cast<uv_handle_t*>(&sleep), nullptr);
      finish_closing(&loop_);
      if (pending_ == Pending::exit) break;
      persistent_.boot_raw = 2;
      persistent_.boot_extended = 5;
      continue;
    }
    if (restart_counted_) {
      if (options_.max_restarts != 0 && error_restarts_ >= options_.max_restarts) {
        diagnostics_.report(diag::kRestarts, {std::to_string(error_restarts_ + 1),
                                              std::to_string(options_.max_restarts)});
        exit_status_ = 3;
        break;
      }
      ++error_restarts_;
    }
    diagnostics_.report(diag::kRestart, {restart_reason_});
    persistent_.boot_raw = 2;
    persistent_.boot_extended = 4;
  }

  if (options_.timeout) {
    itimerval off{};  // the run is over: a late --timeout must not interrupt the exit
    setitimer(ITIMER_REAL, &off, nullptr);
  }
  int status = exit_status_;
  if (status == 0 && failed_) status = 1;
  status = ntest::verdict(options_, diagnostics_, status);  // §6.2: 0 may become 4
  console_.flush();
  diagnostics_.summary(heap_high_water_, profile_->heap_budget);
  uv_close(reinterpret_cast<uv_handle_t*>(&wake_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&flush_), nullptr);
  if (stdin_reader_) stdin_reader_->close();
  g_wake = nullptr;
  finish_closing(&loop_);
  if (uv_loop_close(&loop_) == UV_EBUSY) fail_on_leak(&loop_);
  loop_closed_ = true;
  return status;
}

}  // namespace nmh
