#include "modules/pipe/pipe.hpp"

#include <cstring>

#include "lua/box.hpp"

namespace nmh {

namespace {
// A record is a userdata on the device: two ints, the 256-byte buffer and
// the 32-bit Udata header. The host keeps it in C++ memory and charges the
// device heap for it instead (runtime.md §5.2).
constexpr long long kRecordCharge = 2LL * 4 + Pipe::kRecordSize + 16;
}  // namespace

Pipe** Pipe::push(lua_State* L, int reader_idx, Priority prio) {
  reader_idx = reader_idx != 0 ? lua_absindex(L, reader_idx) : 0;
  auto** box = lua::new_box<Pipe>(L, nullptr, kMetatable);
  lua::Ref reader = reader_idx != 0 ? lua::Ref(L, reader_idx) : lua::Ref();
  *box = new Pipe(Boot::from(L), box, std::move(reader), prio);
  return box;
}

Pipe::Pipe(Boot& boot, Pipe** box, lua::Ref reader, Priority prio)
    : Resource(boot), box_(box), reader_(std::move(reader)), prio_(prio) {}

Pipe::~Pipe() {
  boot().heap().charge(-kRecordCharge * static_cast<long long>(records_.size()));
}

Pipe::Record& Pipe::add_record(bool at_head) {
  boot().heap().charge(kRecordCharge);
  return at_head ? records_.emplace_front() : records_.emplace_back();
}

void Pipe::drop_head() {
  records_.pop_front();
  boot().heap().charge(-kRecordCharge);
}

// The record arithmetic follows the firmware's pipe.c, so records split
// where the device's do and nrec() agrees with it.
void Pipe::write(lua_State* L, int self_idx, std::string_view bytes) {
  if (bytes.empty()) return;  // an empty write posts nothing
  const char* s = bytes.data();
  size_t l = bytes.size();
  Record* r = records_.empty() ? &add_record(false) : &records_.back();
  for (;;) {
    size_t used = r->used();
    if (used == kRecordSize) {
      r = &add_record(false);
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

  if (!reader_) return;
  if (in_reader_) {
    written_ = true;  // decides a nil return's repost (§4.10)
    return;
  }
  if (!anchor_) anchor_ = lua::Ref(L, lua_absindex(L, self_idx));
  post_reader();
}

void Pipe::unread(std::string_view bytes) {
  if (bytes.empty()) return;
  const char* s = bytes.data();
  size_t l = bytes.size();
  Record* r = records_.empty() ? &add_record(false) : &records_.front();
  for (;;) {
    size_t used = r->used();
    size_t room = kRecordSize - used;
    if (used == kRecordSize) {
      // Filling leftwards: a new head record, empty at its right end.
      r = &add_record(true);
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

std::optional<std::string> Pipe::read(const ReadSpec& spec) {
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
    if (r.start == r.end) drop_head();
  }
  return out;
}

void Pipe::post_reader() {
  if (task_pending_) return;
  if (boot().post(
          prio_, [this] { run_reader(); }, "pipe") == PostResult::refused) {
    anchor_.reset();  // --strict: the post is dropped with W-TASKQ (§5.4)
    return;
  }
  task_pending_ = true;
}

// Called by invoke as call_reader(fn, pipe): calls fn(pipe) and records what
// it returned. On the device the reader also runs under a C function (the
// pipe's task closure), so tracebacks end in the same `[C]: in ?` frame.
int Pipe::call_reader(lua_State* L) {
  auto** box = lua::check_box<Pipe>(L, 2, kMetatable);
  lua_settop(L, 2);
  lua_call(L, 1, 1);
  if (Pipe* p = *box) {
    if (lua_isboolean(L, -1)) {
      p->verdict_ = lua_toboolean(L, -1) != 0 ? Verdict::repost : Verdict::stop;
    } else {
      p->verdict_ = Verdict::none;
    }
  }
  return 0;
}

void Pipe::run_reader() {
  task_pending_ = false;
  if (box_ == nullptr) {  // detached while the task was queued
    delete this;
    return;
  }
  lua_State* L = boot().L();
  in_reader_ = true;
  written_ = false;
  verdict_ = Verdict::stop;  // a raising reader stops; the next write posts again
  lua_pushcfunction(L, call_reader);
  reader_.push(L);
  anchor_.push(L);
  boot().invoke(2, CallbackKind::pipe);
  in_reader_ = false;
  if (box_ == nullptr) {  // the reader detached its own pipe
    if (!task_pending_) delete this;
    return;
  }
  // true reposts while the pipe holds data (the firmware checks it is not
  // empty, so a reader returning true cannot spin on nothing); false stops;
  // nil reposts only if the pipe was written meanwhile (§4.10).
  bool repost = false;
  switch (verdict_) {
    case Verdict::repost:
      repost = !records_.empty();
      break;
    case Verdict::stop:
      repost = false;
      break;
    case Verdict::none:
      repost = written_;
      break;
  }
  if (repost && reader_) {
    post_reader();
  } else {
    anchor_.reset();
  }
}

void Pipe::detach() {
  reader_.reset();
  anchor_.reset();
  if (box_ != nullptr) *box_ = nullptr;
  box_ = nullptr;
  if (task_pending_ || in_reader_) return;  // run_reader frees it
  delete this;
}

}  // namespace nmh
