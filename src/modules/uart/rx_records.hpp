// How uart.on("data") cuts the RX line into records (runtime.md §4.9.2):
// every n bytes, through a delimiter, or as read. Plain C++ with no Lua and
// no libuv, so it is fuzzed alone (design.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nmh {

class RxRecords {
 public:
  static constexpr size_t kMaxRecord = 255;  // a delimited record ends at 255 bytes

  // size > 0: records of size bytes; delim >= 0: through that byte; else each read.
  RxRecords(size_t size, int delim) : size_(size), delim_(delim) {}

  // Appends the records bytes complete to out, in order.
  void cut(std::string_view bytes, std::vector<std::string>& out);
  // EOF: the short last record, if any.
  std::optional<std::string> rest();
  // Bytes waiting for the rest of their record.
  const std::string& partial() const { return partial_; }

 private:
  size_t size_;
  int delim_;
  std::string partial_;
};

}  // namespace nmh
