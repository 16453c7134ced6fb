#include "modules/pipe/pipe_buffer.hpp"

#include <cstring>

namespace nmh {

std::optional<PipeBuffer::ReadSpec> PipeBuffer::delimiter(std::string_view text) {
  if (text.size() != 1 && (text.size() != 2 || text[1] != '+')) return std::nullopt;
  ReadSpec spec;
  spec.delim = text[0];
  spec.keep = text.size() == 2;
  return spec;
}

// The record arithmetic follows the firmware's pipe.c, so records split
// where the device's do and nrec() agrees with it.
void PipeBuffer::write(std::string_view bytes) {
  if (bytes.empty()) return;
  const char* s = bytes.data();
  size_t l = bytes.size();
  Record* r = records_.empty() ? &records_.emplace_back() : &records_.back();
  for (;;) {
    size_t used = r->used();
    if (used == kRecordSize) {
      r = &records_.emplace_back();
      used = 0;
    } else if (kRecordSize - r->end < l) {
      std::memmove(r->buf.data(), r->buf.data() + r->start, used);
      r->start = 0;
      r->end = used;
    }
    size_t room = kRecordSize - used;
    if (l <= room) break;
    std::memcpy(r->buf.data() + r->end, s, room);
    r->end += room;
    l -= room;
    s += room;
  }
  std::memcpy(r->buf.data() + r->end, s, l);
  r->end += l;
}

void PipeBuffer::unread(std::string_view bytes) {
  if (bytes.empty()) return;
  const char* s = bytes.data();
  size_t l = bytes.size();
  Record* r = records_.empty() ? &records_.emplace_back() : &records_.front();
  for (;;) {
    size_t used = r->used();
    size_t room = kRecordSize - used;
    if (used == kRecordSize) {
      // Filling leftwards: a new head record, empty at its right end.
      r = &records_.emplace_front();
      room = kRecordSize;
      r->start = r->end = kRecordSize;
    } else if (r->start < l) {
      std::memmove(r->buf.data() + room, r->buf.data() + r->start, used);
      r->start = room;
      r->end = kRecordSize;
    }
    if (l <= room) break;
    l -= room;
    std::memcpy(r->buf.data(), s + l, room);
    r->start = 0;
  }
  r->start -= l;
  std::memcpy(r->buf.data() + r->start, s, l);
}

std::optional<std::string> PipeBuffer::read(const ReadSpec& spec) {
  if (records_.empty()) return std::nullopt;
  std::string out;
  size_t n = spec.size;
  bool delimited = n == 0;
  bool more = true;
  while (!records_.empty() && more) {
    Record& r = records_.front();
    size_t take = 0;
    size_t used = 0;
    if (delimited) {
      const char* begin = r.buf.data() + r.start;
      const void* hit = std::memchr(begin, spec.delim, r.used());
      if (hit == nullptr) {
        take = used = r.used();
      } else {
        used = static_cast<size_t>(static_cast<const char*>(hit) - begin) + 1;
        take = spec.keep ? used : used - 1;
        more = false;
      }
    } else {
      take = used = n < r.used() ? n : r.used();
      n -= used;
      more = n > 0;
    }
    out.append(r.buf.data() + r.start, take);
    r.start += used;
    if (r.start == r.end) records_.pop_front();
  }
  return out;
}

}  // namespace nmh
