// Diagnostics: the one place a host warning, note or error line is formatted
// and de-duplicated (runtime.md §1.4, §5.5). A module defines its codes next to
// their text and calls report() with values; it never prints on its own.
#pragma once

#include <cstdio>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nmh {

enum class Level { warning, note, error };

struct Code {
  std::string_view id;  // "W-HEAP"
  Level level;
  std::string_view text;  // `{}` stands for the next value
};

// Fills each `{}` of text with the next value.
std::string format_text(std::string_view text, std::initializer_list<std::string_view> values);

class Diagnostics {
 public:
  // before_write runs before every line, so stdout is flushed before stderr (§1.4).
  Diagnostics(std::FILE* out, bool quiet, std::function<void()> before_write = {})
      : out_(out), quiet_(quiet), before_write_(std::move(before_write)) {}

  // Prints `nodemcu-host: <level>: <ID>: <text>[ (at <location>)]`. Warnings and
  // notes are printed once per (code, location); errors every time. Returns
  // whether the line is new (printed, or hidden only by --quiet).
  bool report(const Code& code, std::initializer_list<std::string_view> values = {},
              std::string_view location = {});
  // The same, de-duplicated by (code, key) instead of the printed location:
  // "once per boot" warnings such as W-HEAP (§5.3) use the boot as the key.
  bool report_keyed(const Code& code, std::string_view key,
                    std::initializer_list<std::string_view> values = {},
                    std::string_view location = {});

  size_t warning_count() const { return warning_total_; }
  // The N-SUMMARY line (§5.5), when any warning occurred.
  void summary(size_t heap_high_water, size_t heap_budget);

 private:
  void write_line(const Code& code, const std::string& text, std::string_view location);

  std::FILE* out_;
  bool quiet_;
  std::function<void()> before_write_;
  std::set<std::pair<std::string, std::string>, std::less<>> seen_;
  std::vector<std::pair<std::string_view, size_t>> per_code_;  // in order of first occurrence
  size_t warning_total_ = 0;
};

namespace diag {
// Codes of the runtime itself (runtime.md §5.5); modules define their own.
inline constexpr Code kUsage{"E-USAGE", Level::error, "{}"};
inline constexpr Code kLua{"E-LUA", Level::error, "{}"};
inline constexpr Code kWatchdog{"E-WATCHDOG", Level::error,
                                "tmr.softwd expired: the device restarts here; {}"};
inline constexpr Code kTimeout{"E-TIMEOUT", Level::error, "--timeout of {} s expired"};
inline constexpr Code kRestarts{"E-RESTARTS", Level::error,
                                "{} restarts caused by errors (--max-restarts {}); giving up"};
inline constexpr Code kInternal{"E-INTERNAL", Level::error, "{}"};
inline constexpr Code kHeap{"W-HEAP", Level::warning,
                            "heap budget exceeded after a full collection: {} bytes used of {} "
                            "(high-water {}); the device would raise \"not enough memory\""};
inline constexpr Code kTaskQueue{"W-TASKQ", Level::warning,
                                 "more than {} tasks pending at priority {}: the device raises "
                                 "\"Task queue overflow. Task not posted\""};
inline constexpr Code kBlock{"W-BLOCK", Level::warning,
                             "callback ran {} ms without yielding: the device's watchdog resets "
                             "it after a few seconds; split the work with node.task.post"};
inline constexpr Code kAbsent{"W-ABSENT", Level::warning,
                              "{} is absent from the {} firmware: the device script fails here"};
inline constexpr Code kRestart{"N-RESTART", Level::note, "restarting: {}"};
inline constexpr Code kStrictIgnored{"N-STRICT", Level::note,
                                     "--strict has no effect under --profile host"};
inline constexpr Code kDsleep{"N-DSLEEP", Level::note, "{}"};
inline constexpr Code kScratchSkipped{"N-SCRATCH", Level::note,
                                      "--scratch left out {} FIFO, socket or device file(s), "
                                      "which the device's flash cannot hold (first: {})"};
}  // namespace diag

}  // namespace nmh
