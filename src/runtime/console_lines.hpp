// How console input bytes become interpreter lines (runtime.md §4.9.3,
// §4.9.4). Plain C++ with no Lua and no libuv, so it is unit tested and
// fuzzed alone (design.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nmh {

// The UART's line ends on the interpreter path: CR, LF, CR LF and LF CR each
// end one line and come out as one "\n". The last byte is kept, so a pair
// split across two reads still folds into one end.
class LineEnds {
 public:
  std::string normalise(std::string_view bytes);

 private:
  char last_ = 0;
};

// The interpreter's input queue: bytes in, "\n"-terminated lines out, as the
// firmware's stdin pipe reader takes them.
class LineQueue {
 public:
  void append(std::string_view bytes) { buffer_.append(bytes); }
  // EOF: a last line without its newline is ended, so it runs too.
  void end();
  bool has_line() const { return buffer_.find('\n') != std::string::npos; }
  // The next complete line without its "\n"; nothing while none is complete.
  std::optional<std::string> take_line();
  // What is queued and not yet taken, complete lines and a partial one.
  const std::string& buffered() const { return buffer_; }

 private:
  std::string buffer_;
};

}  // namespace nmh
