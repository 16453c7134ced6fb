// The device's serial console on stdout (runtime.md §1.4): raw bytes in
// program order, line-buffered on a terminal, otherwise flushed at the end of
// each loop iteration, before every stderr line and before exit, and also
// when the process dies of a fault (SIGSEGV, SIGBUS, SIGILL, SIGFPE) or of
// SIGABRT, so what the script printed before a crash is not lost.
#pragma once

#include <string>
#include <string_view>

namespace nmh {

class Console {
 public:
  Console();
  ~Console();
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;
  void write(std::string_view bytes);
  // Writes what is buffered; false once stdout is gone (EPIPE).
  bool flush();
  // From a fatal signal's handler: writes what is buffered with write(2)
  // alone and changes nothing.
  void flush_raw();

 private:
  std::string buffer_;
  bool line_buffered_;
  bool broken_ = false;
};

}  // namespace nmh
