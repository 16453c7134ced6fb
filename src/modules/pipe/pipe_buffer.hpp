// A pipe's bytes (runtime.md §4.10): a FIFO kept, as on the device, in
// records of up to 256 bytes (the firmware's LUAL_BUFFERSIZE), so nrec()
// counts what the device would. Plain C++ with no Lua and no libuv, so the
// record arithmetic and the delimiter reads are fuzzed alone (design.md).
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace nmh {

class PipeBuffer {
 public:
  static constexpr size_t kRecordSize = 256;

  // What p:read() takes: `size` bytes, or (size 0) through `delim`, kept if `keep`.
  struct ReadSpec {
    size_t size = 0;
    char delim = '\n';
    bool keep = true;
  };

  // A delimiter argument: one character, or one character and "+" to keep
  // it (runtime.md §4.10); nothing for anything else.
  static std::optional<ReadSpec> delimiter(std::string_view text);

  // Appends bytes at the tail.
  void write(std::string_view bytes);
  // Puts bytes back at the head.
  void unread(std::string_view bytes);
  // A record, or nothing when the buffer is empty.
  std::optional<std::string> read(const ReadSpec& spec);
  size_t nrec() const { return records_.size(); }
  bool empty() const { return records_.empty(); }

 private:
  struct Record {
    size_t start = 0;
    size_t end = 0;
    std::array<char, kRecordSize> buf{};
    size_t used() const { return end - start; }
  };

  std::deque<Record> records_;
};

}  // namespace nmh
