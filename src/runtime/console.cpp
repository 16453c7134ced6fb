#include "runtime/console.hpp"

#include <unistd.h>

#include <cerrno>

namespace nmh {

Console::Console() : line_buffered_(isatty(STDOUT_FILENO) == 1) {}

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
