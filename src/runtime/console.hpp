// The device's serial console on stdout (runtime.md §1.4): raw bytes in
// program order, line-buffered on a terminal, otherwise flushed at the end of
// each loop iteration, before every stderr line and before exit.
#pragma once

#include <string>
#include <string_view>

namespace nmh {

class Console {
 public:
  Console();
  void write(std::string_view bytes);
  // Writes what is buffered; false once stdout is gone (EPIPE).
  bool flush();

 private:
  std::string buffer_;
  bool line_buffered_;
  bool broken_ = false;
};

}  // namespace nmh
