#include "runtime/console_lines.hpp"

namespace nmh {

std::string LineEnds::normalise(std::string_view bytes) {
  // The firmware's input driver ends a line at CR or LF and folds CR LF and
  // LF CR pairs into one end, so a CRLF file runs as it would on the device.
  std::string out;
  out.reserve(bytes.size());
  for (char ch : bytes) {
    if ((ch == '\r' && last_ == '\n') || (ch == '\n' && last_ == '\r')) {
      last_ = 0;
      continue;
    }
    last_ = ch;
    out += ch == '\r' ? '\n' : ch;
  }
  return out;
}

void LineQueue::end() {
  // The device never sees EOF; on the host a last line without its newline
  // would otherwise be lost, so it runs like any other.
  if (!buffer_.empty() && buffer_.back() != '\n') buffer_ += '\n';
}

std::optional<std::string> LineQueue::take_line() {
  size_t end = buffer_.find('\n');
  if (end == std::string::npos) return std::nullopt;
  std::string line = buffer_.substr(0, end);
  buffer_.erase(0, end + 1);
  return line;
}

}  // namespace nmh
