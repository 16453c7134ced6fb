// Device: one per process. Owns the libuv loop, the options, the profile, the
// diagnostics and the current Boot; keeps what survives a restart
// (runtime.md §2.5).
#pragma once

#include <uv.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "lua/lua.hpp"
#include "runtime/console.hpp"
#include "runtime/diagnostics.hpp"
#include "runtime/options.hpp"
#include "runtime/profile.hpp"

namespace nmh {

class Boot;
class StdinReader;

// Process-lifetime state that a restart keeps (runtime.md §2.5, §4.2.1).
struct Persistent {
  // node.startup() options, for the next boot.
  bool startup_banner = true;
  int startup_frequency = 80;
  long long startup_delay_mount = 0;
  std::string startup_command;  // "@file" or "=code"; empty: init.lua
  bool startup_set = false;
  int cpu_mhz = 80;
  // node.bootreason(): raw and extended codes of the current boot.
  int boot_raw = 1;
  int boot_extended = 0;
  int strip_level = 1;  // node.stripdebug
  // net.dns server slots 0 and 1 as the script set them (net.md §7.2, §7.3);
  // empty: not set by the script, use --dns-server or /etc/resolv.conf.
  std::string dns_servers[2];
  bool dns_servers_set = false;
};

// What ends or restarts the current boot once the running callback returns.
enum class Pending { none, restart, exit, dsleep };

class Device {
 public:
  explicit Device(Options options);
  ~Device();
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  // Boots and runs until no work is left or something ends the run; returns the exit status.
  int run();

  uv_loop_t* loop() { return &loop_; }
  const Options& options() const { return options_; }
  const Profile& profile() const { return *profile_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  Console& console() { return console_; }
  Persistent& persistent() { return persistent_; }
  Boot* boot() { return boot_.get(); }
  // stdin, the console's RX line; survives restarts (runtime.md §4.9.2, §4.9.3).
  StdinReader& stdin_reader();
  bool strict() const { return options_.strict && profile_->device; }
  // 1 for the first boot, then one more for each restart or wake.
  int boot_number() const { return boots_; }

  // The flash root (runtime.md §4.3): a directory fd for *at() calls.
  int root_fd() const { return root_fd_; }
  // The main chunk: its flash name ("init.lua") and host path ("" in DIR mode: via the root).
  const std::string& main_name() const { return main_name_; }
  const std::string& main_path() const { return main_path_; }

  // After the running callback: restart (counted: caused by an error or the
  // watchdog, runtime.md §1.2 --max-restarts), exit with status, or dsleep.
  void request_restart(std::string reason, bool counted);
  void request_exit(int status);
  void request_dsleep(uint64_t us);
  // An uncaught error was reported and the run goes on (continue, restart): status 1 at the end.
  void mark_failed() { failed_ = true; }

  // Boots report their heap high-water mark for the N-SUMMARY line.
  void note_heap_high_water(size_t bytes) {
    if (bytes > heap_high_water_) heap_high_water_ = bytes;
  }

  // Ends the process now (a second signal, a stuck script at --timeout): flush, clean up, exit.
  [[noreturn]] void exit_now(int status);

 private:
  bool setup_flash(std::string& error);
  void on_signal(int signo);
  void on_wake();
  void teardown_boot(bool graceful);

  Options options_;
  const Profile* profile_;
  Console console_;
  Diagnostics diagnostics_;
  Persistent persistent_;
  uv_loop_t loop_{};
  bool loop_ok_ = false;
  bool loop_closed_ = false;
  uv_async_t wake_{};     // signals and the --timeout alarm reach the loop through this
  uv_prepare_t flush_{};  // flushes stdout before the loop blocks
  std::unique_ptr<Boot> boot_;
  std::unique_ptr<StdinReader> stdin_reader_;

  int root_fd_ = -1;
  std::string scratch_path_;
  std::string main_name_;
  std::string main_path_;

  Pending pending_ = Pending::none;
  int exit_status_ = 0;
  bool failed_ = false;
  bool restart_counted_ = false;
  int error_restarts_ = 0;
  int boots_ = 0;
  uint64_t dsleep_us_ = 0;
  std::string restart_reason_;
  size_t heap_high_water_ = 0;
};

// The Lua state running a callback now (nullptr between callbacks), for the
// signal handler that must stop a script stuck in Lua (runtime.md §2.7).
// Returns the previous one, for nested calls to restore.
lua_State* set_running_lua(lua_State* L);

// A signal or the --timeout arrived: blocking waits in Lua calls (tmr.delay) end early.
bool signal_pending();

// Seconds as the command line wrote them ("0.5", "30"), for diagnostics.
std::string format_seconds(double seconds);

}  // namespace nmh
