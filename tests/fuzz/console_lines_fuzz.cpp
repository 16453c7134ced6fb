// The console line assembler (runtime.md §4.9.2, §4.9.3): the interpreter
// path (LineEnds, then LineQueue, as stdin under -i feeds it; LineQueue alone
// for node.input) and uart.on("data") records (RxRecords). The input's last
// two bytes choose the read boundaries and the uart mode; the rest is the
// RX line. Whatever the boundaries, no byte is lost or duplicated, and the
// lines and records are the same as for one read.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "modules/uart/rx_records.hpp"
#include "runtime/console_lines.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

// Read boundaries: lengths 1..32 from a small generator seeded by the input,
// so the same input always splits the same way.
std::vector<std::string_view> split(std::string_view bytes, uint8_t seed) {
  std::vector<std::string_view> reads;
  uint32_t state = seed * 2654435761u + 1;
  while (!bytes.empty()) {
    state = state * 1103515245u + 12345u;
    size_t n = 1 + (state >> 16) % 32;
    if (n > bytes.size()) n = bytes.size();
    reads.push_back(bytes.substr(0, n));
    bytes.remove_prefix(n);
  }
  return reads;
}

std::string without(std::string_view bytes, std::string_view drop) {
  std::string out;
  for (char c : bytes) {
    if (drop.find(c) == std::string_view::npos) out += c;
  }
  return out;
}

// The device's line ends read as pairs from the left (app/driver/input.c):
// CR or LF ends a line, and the other one right after it belongs to that end.
std::string reference_line_ends(std::string_view bytes) {
  std::string out;
  for (size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (c != '\r' && c != '\n') {
      out += c;
      continue;
    }
    out += '\n';
    char pair = c == '\r' ? '\n' : '\r';
    if (i + 1 < bytes.size() && bytes[i + 1] == pair) ++i;
  }
  return out;
}

// Lines as the interpreter gets them: take what is complete after each read,
// as ConsoleInput's line task does, then EOF.
std::vector<std::string> lines_of(const std::vector<std::string>& reads, std::string& rest) {
  nmh::LineQueue queue;
  std::vector<std::string> lines;
  for (const std::string& r : reads) {
    queue.append(r);
    while (auto line = queue.take_line()) lines.push_back(*line);
    check(!queue.has_line());
  }
  rest = queue.buffered();
  check(rest.find('\n') == std::string::npos);
  queue.end();
  while (auto line = queue.take_line()) lines.push_back(*line);
  check(queue.buffered().empty());
  return lines;
}

void interpreter_path(std::string_view input, const std::vector<std::string_view>& reads,
                      bool normalise) {
  // stdin under -i goes through LineEnds; node.input does not.
  nmh::LineEnds ends;
  std::vector<std::string> fed;
  std::string all;
  for (std::string_view r : reads) {
    fed.push_back(normalise ? ends.normalise(r) : std::string(r));
    all += fed.back();
  }
  if (normalise) {
    nmh::LineEnds whole;
    check(whole.normalise(input) == all);  // a CR LF split across reads still folds
    check(all == reference_line_ends(input));
    check(all.find('\r') == std::string::npos);
    check(without(all, "\n") == without(input, "\r\n"));
  } else {
    check(all == input);
  }
  std::string rest;
  std::vector<std::string> lines = lines_of(fed, rest);
  // Every line plus its "\n", then what stayed buffered, is the input again.
  std::string joined;
  for (const std::string& line : lines) {
    check(line.find('\n') == std::string::npos);
    joined += line;
    joined += '\n';
  }
  std::string expected = all;
  if (!expected.empty() && expected.back() != '\n') expected += '\n';
  check(joined == expected);
  check(without(joined, "\n") == without(all, "\n"));
  check(rest == all.substr(all.rfind('\n') == std::string::npos ? 0 : all.rfind('\n') + 1));
}

std::vector<std::string> records_of(nmh::RxRecords& cutter,
                                    const std::vector<std::string_view>& reads) {
  std::vector<std::string> records;
  for (std::string_view r : reads) cutter.cut(r, records);
  return records;
}

void uart_path(std::string_view input, const std::vector<std::string_view>& reads, uint8_t mode) {
  // mode 0: each read; 1..254: every n bytes; 255: through the byte input[0].
  size_t size = mode > 0 && mode < 255 ? mode : 0;
  int delim = mode == 255 && !input.empty() ? static_cast<unsigned char>(input[0]) : -1;
  nmh::RxRecords cutter(size, delim);
  std::vector<std::string> records = records_of(cutter, reads);
  std::string partial = cutter.partial();
  std::string joined;
  for (const std::string& r : records) {
    check(!r.empty());
    if (size > 0) check(r.size() == size);
    if (delim >= 0) {
      check(r.size() <= nmh::RxRecords::kMaxRecord);
      size_t at = r.find(static_cast<char>(delim));
      check(at == std::string::npos ? r.size() == nmh::RxRecords::kMaxRecord : at == r.size() - 1);
    }
    joined += r;
  }
  check(joined + partial == input);
  if (size > 0) check(partial.size() < size);
  if (delim >= 0) {
    check(partial.size() < nmh::RxRecords::kMaxRecord);
    check(partial.find(static_cast<char>(delim)) == std::string::npos);
  }
  if (size == 0 && delim < 0) check(records.size() == reads.size());
  // Counted and delimited records do not depend on the read boundaries.
  if (size > 0 || delim >= 0) {
    nmh::RxRecords once(size, delim);
    check(records_of(once, {input}) == records);
  }
  std::optional<std::string> last = cutter.rest();
  check(last ? *last == partial && !partial.empty() : partial.empty());
  check(cutter.partial().empty() && !cutter.rest());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  auto seed = fdp.ConsumeIntegral<uint8_t>();
  auto mode = fdp.ConsumeIntegral<uint8_t>();
  std::string input = fdp.ConsumeRemainingBytesAsString();
  std::vector<std::string_view> reads = split(input, seed);
  interpreter_path(input, reads, true);
  interpreter_path(input, reads, false);
  uart_path(input, reads, mode);
  return 0;
}
