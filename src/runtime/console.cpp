#include "runtime/console.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace nmh {

namespace {

// The console whose bytes a fatal signal writes out; one per process.
std::atomic<Console*> g_crash_console{nullptr};
constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
struct sigaction g_previous[sizeof kFatalSignals / sizeof kFatalSignals[0]];
bool g_installed = false;

void on_fatal_signal(int signo) {
  // The previous actions first (default, or a sanitizer's report), so a fault
  // in what follows, or the abort() a sanitizer's report ends with, does not
  // come back here and write the bytes twice.
  for (size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i) {
    (void)sigaction(kFatalSignals[i], &g_previous[i], nullptr);
  }
  if (Console* console = g_crash_console.exchange(nullptr)) console->flush_raw();
  // Blocked while this handler runs: delivered with the previous action on
  // return; a fault that returns here re-faults into that action anyway.
  (void)raise(signo);
}

void install_fatal_handlers() {
  if (g_installed) return;
  g_installed = true;
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i) {
    (void)sigaction(kFatalSignals[i], &sa, &g_previous[i]);
  }
}

}  // namespace

Console::Console() : line_buffered_(isatty(STDOUT_FILENO) == 1) {
  install_fatal_handlers();
  g_crash_console.store(this);
}

Console::~Console() {
  Console* self = this;
  (void)g_crash_console.compare_exchange_strong(self, nullptr);
}

void Console::flush_raw() {
  // write(2) only: async-signal-safe, nothing allocated or cleared.
  size_t done = 0;
  while (done < buffer_.size() && !broken_) {
    ssize_t n = ::write(STDOUT_FILENO, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

void Console::write(std::string_view bytes) {
  if (broken_) return;
  buffer_.append(bytes);
  if (line_buffered_ ? bytes.find('\n') != std::string_view::npos : buffer_.size() >= 65536) {
    flush();
  }
}

bool Console::flush() {
  size_t done = 0;
  while (done < buffer_.size() && !broken_) {
    ssize_t n = ::write(STDOUT_FILENO, buffer_.data() + done, buffer_.size() - done);
    if (n >= 0) {
      done += static_cast<size_t>(n);
    } else if (errno != EINTR && errno != EAGAIN) {
      broken_ = true;  // EPIPE or a dead stdout: shut down cleanly (§1.4)
    }
  }
  buffer_.clear();
  return !broken_;
}

}  // namespace nmh
