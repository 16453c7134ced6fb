// The pipe's bytes (runtime.md §4.10): write, unread, read(n) and read
// through a delimiter, driven by the input as a sequence of operations and
// checked against a plain string holding what the pipe should hold. Also the
// delimiter argument ("c", "c+") that p:read and p:reader take.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "modules/pipe/pipe_buffer.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

constexpr size_t kRecord = nmh::PipeBuffer::kRecordSize;

// Records fill to 256 bytes before another is made at either end, so only
// the head and the tail may be partly empty: nrec() is what the device counts.
void check_records(const nmh::PipeBuffer& pipe, const std::string& model) {
  check(pipe.empty() == model.empty());
  check(pipe.nrec() == 0 || pipe.nrec() >= (model.size() + kRecord - 1) / kRecord);
  check(pipe.nrec() <= (model.size() + kRecord - 1) / kRecord + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  nmh::PipeBuffer pipe;
  std::string model;
  while (fdp.remaining_bytes() > 0) {
    switch (fdp.ConsumeIntegralInRange<int>(0, 4)) {
      case 0: {
        std::string s = fdp.ConsumeRandomLengthString(1200);
        pipe.write(s);
        model += s;
        break;
      }
      case 1: {
        std::string s = fdp.ConsumeRandomLengthString(1200);
        pipe.unread(s);
        model.insert(0, s);
        break;
      }
      case 2: {
        nmh::PipeBuffer::ReadSpec spec;
        spec.size = fdp.ConsumeIntegralInRange<size_t>(1, 1200);
        std::optional<std::string> got = pipe.read(spec);
        if (model.empty()) {
          check(!got);
        } else {
          check(got && *got == model.substr(0, spec.size));
          model.erase(0, got->size());
        }
        break;
      }
      case 3: {
        std::string arg = fdp.ConsumeRandomLengthString(3);
        std::optional<nmh::PipeBuffer::ReadSpec> spec = nmh::PipeBuffer::delimiter(arg);
        bool valid = arg.size() == 1 || (arg.size() == 2 && arg[1] == '+');
        check(spec.has_value() == valid);
        if (!spec) break;
        check(spec->size == 0 && spec->delim == arg[0] && spec->keep == (arg.size() == 2));
        std::optional<std::string> got = pipe.read(*spec);
        if (model.empty()) {
          check(!got);
          break;
        }
        size_t at = model.find(spec->delim);
        size_t used = at == std::string::npos ? model.size() : at + 1;
        size_t take = at != std::string::npos && !spec->keep ? at : used;
        check(got && *got == model.substr(0, take));
        model.erase(0, used);
        break;
      }
      case 4: {
        // The default of p:read(): through "\n".
        std::optional<std::string> got = pipe.read({});
        if (model.empty()) {
          check(!got);
          break;
        }
        size_t at = model.find('\n');
        size_t used = at == std::string::npos ? model.size() : at + 1;
        check(got && *got == model.substr(0, used));
        model.erase(0, used);
        break;
      }
    }
    check_records(pipe, model);
  }
  // Draining in 256-byte reads gives back exactly what the model holds.
  std::string rest;
  while (auto got = pipe.read({kRecord, '\n', true})) rest += *got;
  check(rest == model && pipe.nrec() == 0);
  return 0;
}
