// A pipe object (runtime.md §4.10): a PipeBuffer of bytes and an optional
// reader function that runs as a task of the pipe's priority after a write. The C++ object owns the
// records and the Lua references; the userdata holds only a pointer (design.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "lua/ref.hpp"
#include "modules/pipe/pipe_buffer.hpp"
#include "runtime/boot.hpp"
#include "runtime/resource.hpp"

namespace nmh {

class Pipe final : public Resource {
 public:
  static constexpr const char* kMetatable = "pipe.pipe";
  static constexpr size_t kRecordSize = PipeBuffer::kRecordSize;
  using ReadSpec = PipeBuffer::ReadSpec;

  // Pushes a new pipe's userdata; its reader is the function at reader_idx,
  // or none for 0. The userdata is made before the reference, so running out
  // of Lua memory cannot longjmp past a live C++ object.
  static Pipe** push(lua_State* L, int reader_idx, Priority prio);

  Pipe(Boot& boot, lua::Ref reader, Priority prio);
  ~Pipe() override;

  // Appends bytes; posts the reader task unless one is pending (runtime.md
  // §4.10). self_idx is the pipe's userdata: a pending reader anchors it.
  void write(lua_State* L, int self_idx, std::string_view bytes);
  // Puts bytes back at the head.
  void unread(std::string_view bytes);
  // A record, or nothing when the pipe is empty.
  std::optional<std::string> read(const ReadSpec& spec);
  size_t nrec() const { return buffer_.nrec(); }

  // __gc (which a script may also call directly) and teardown: drop every
  // reference. The object is freed now, or, while its
  // reader task is queued or running, when that task ends: the task holds
  // `this`.
  void detach();
  // Teardown drops the queued tasks (runtime.md §2.5), so none will free it.
  void shutdown(bool /*graceful*/) override {
    task_pending_ = false;
    detach();
  }

 private:
  enum class Verdict { none, repost, stop };

  static int call_reader(lua_State* L);
  // Charges the device heap for records made or freed since `before` (runtime.md §5.2).
  void charge_records(size_t before);
  void post_reader();
  void run_reader();

  bool detached_ = false;
  lua::Ref reader_;
  lua::Ref anchor_;  // the userdata, while a reader task is pending or running
  Priority prio_;
  PipeBuffer buffer_;
  bool task_pending_ = false;
  bool in_reader_ = false;
  bool written_ = false;  // a write happened while the reader ran
  Verdict verdict_ = Verdict::none;
};

}  // namespace nmh
