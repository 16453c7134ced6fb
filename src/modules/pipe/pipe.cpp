#include "modules/pipe/pipe.hpp"

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
  *box = new Pipe(Boot::from(L), std::move(reader), prio);
  return box;
}

Pipe::Pipe(Boot& boot, lua::Ref reader, Priority prio)
    : Resource(boot), reader_(std::move(reader)), prio_(prio) {}

Pipe::~Pipe() {
  boot().heap().charge(-kRecordCharge * static_cast<long long>(buffer_.nrec()));
}

void Pipe::charge_records(size_t before) {
  auto delta = static_cast<long long>(buffer_.nrec()) - static_cast<long long>(before);
  if (delta != 0) boot().heap().charge(kRecordCharge * delta);
}

void Pipe::write(lua_State* L, int self_idx, std::string_view bytes) {
  if (bytes.empty()) return;  // an empty write posts nothing
  size_t before = buffer_.nrec();
  buffer_.write(bytes);
  charge_records(before);

  if (!reader_) return;
  if (in_reader_) {
    written_ = true;  // decides a nil return's repost (§4.10)
    return;
  }
  if (!anchor_) anchor_ = lua::Ref(L, lua_absindex(L, self_idx));
  post_reader();
}

void Pipe::unread(std::string_view bytes) {
  size_t before = buffer_.nrec();
  buffer_.unread(bytes);
  charge_records(before);
}

std::optional<std::string> Pipe::read(const ReadSpec& spec) {
  size_t before = buffer_.nrec();
  std::optional<std::string> out = buffer_.read(spec);
  charge_records(before);
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
  if (detached_) {  // detached while the task was queued
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
  if (detached_) {  // the reader detached its own pipe
    if (!task_pending_) delete this;
    return;
  }
  // true reposts while the pipe holds data (the firmware checks it is not
  // empty, so a reader returning true cannot spin on nothing); false stops;
  // nil reposts only if the pipe was written meanwhile (§4.10).
  bool repost = false;
  switch (verdict_) {
    case Verdict::repost:
      repost = !buffer_.empty();
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
  detached_ = true;
  if (task_pending_ || in_reader_) return;  // run_reader frees it
  delete this;
}

}  // namespace nmh
