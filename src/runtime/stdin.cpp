#include "runtime/stdin.hpp"

#include <utility>

#include "runtime/boot.hpp"
#include "runtime/device.hpp"

namespace nmh {

// ---------------------------------------------------------------------------
// ConsoleInput

ConsoleInput::ConsoleInput(Boot& boot, StdinReader& reader) : Resource(boot), reader_(reader) {}

void ConsoleInput::feed(std::string_view bytes) {
  lines_.append(bytes);
  post_line_task();
}

void ConsoleInput::feed_end() {
  lines_.end();
  post_line_task();
}

void ConsoleInput::post_line_task() {
  // One pending task at a time, as the firmware's stdin pipe reader: it runs
  // one line and reposts while lines remain (runtime.md §4.9.3).
  if (task_pending_ || !lines_.has_line()) return;
  if (boot().post(
          Priority::low, [this] { run_line(); }, "console") != PostResult::refused) {
    task_pending_ = true;
  }
}

void ConsoleInput::run_line() {
  task_pending_ = false;
  std::optional<std::string> line = lines_.take_line();
  if (!line) return;
  boot().console_line(*line, true);
  post_line_task();
}

void ConsoleInput::shutdown(bool /*graceful*/) {
  // Lines read but not yet run go to the next boot, so what a piped session
  // does after node.restart() does not depend on how the pipe was chunked.
  reader_.input_gone(this, lines_.buffered());
  delete this;
}

// ---------------------------------------------------------------------------
// StdinReader

StdinReader::StdinReader(Device& device) : device_(device) {}

StdinReader::~StdinReader() = default;

ConsoleInput& StdinReader::input(Boot& boot) {
  // A torn-down boot's input clears input_ on its way out, so a live input_
  // always belongs to the current boot.
  if (input_ == nullptr || &input_->boot() != &boot) input_ = new ConsoleInput(boot, *this);
  return *input_;
}

void StdinReader::input_gone(ConsoleInput* input, const std::string& unconsumed) {
  if (input_ != input) return;
  input_ = nullptr;
  listener_ = nullptr;  // it belongs to the same boot and is going too
  backlog_.insert(0, unconsumed);
  update();
}

void StdinReader::boot_started(Boot& boot) {
  ConsoleInput& in = input(boot);
  if (boot.halted()) return;
  // The session lives until the interpreter has had everything before EOF.
  bool session = !eof_ || !backlog_.empty() || !pending_.empty();
  if (device_.options().interactive && session) {
    // The firmware queues a blank line at boot to issue its first prompt.
    boot.post(
        Priority::low, [&boot] { boot.console_prompt(); }, "console");
  }
  if (!backlog_.empty()) in.feed(std::exchange(backlog_, {}));
  if (!pending_.empty()) dispatch(std::exchange(pending_, {}));
  if (eof_ && !eof_delivered_) end_of_input();
  update();
}

void StdinReader::listen(Boot& boot, RxListener* listener) {
  input(boot);
  listener_ = listener;
  update();
}

void StdinReader::unlisten(RxListener* listener) {
  if (listener_ != listener) return;
  listener_ = nullptr;
  update();
}

RxListener* StdinReader::listener(Boot& boot) const {
  if (input_ == nullptr || &input_->boot() != &boot) return nullptr;
  return listener_;
}

bool StdinReader::wanted() const {
  // Reading is work only under -i or uart.on("data"), until EOF (runtime.md §2.2).
  if (eof_ || closed_ || input_ == nullptr || input_->boot().halted()) return false;
  return device_.options().interactive || listener_ != nullptr;
}

void StdinReader::open() {
  opened_ = true;
  uv_loop_t* loop = device_.loop();
  int rc = -1;
  switch (uv_guess_handle(0)) {
    case UV_TTY:
      // Canonical mode stays on: the terminal edits the line, as a serial
      // terminal program does for the device.
      rc = uv_tty_init(loop, &handle_.tty, 0, 1);
      break;
    case UV_NAMED_PIPE:
      rc = uv_pipe_init(loop, &handle_.pipe, 0);
      if (rc == 0 && (rc = uv_pipe_open(&handle_.pipe, 0)) != 0) {
        uv_close(reinterpret_cast<uv_handle_t*>(&handle_.pipe), nullptr);
      }
      break;
    case UV_TCP:
      rc = uv_tcp_init(loop, &handle_.tcp);
      if (rc == 0 && (rc = uv_tcp_open(&handle_.tcp, 0)) != 0) {
        uv_close(reinterpret_cast<uv_handle_t*>(&handle_.tcp), nullptr);
      }
      break;
    case UV_FILE:
      kind_ = Kind::file;
      return;
    default:
      // No stdin at all (closed): the RX line is silent, as at EOF.
      eof_ = true;
      return;
  }
  if (rc == 0) {
    kind_ = Kind::stream;
    handle_.stream.data = this;
  } else {
    kind_ = Kind::file;  // blocking reads on the thread pool work for anything readable
  }
}

void StdinReader::update() {
  bool want = wanted();
  if (want == reading_) return;
  if (want && !opened_) {
    open();
    if (eof_) return;
  }
  reading_ = want;
  if (kind_ == Kind::stream) {
    if (want) {
      uv_read_start(
          &handle_.stream,
          [](uv_handle_t* h, size_t /*suggested*/, uv_buf_t* buf) {
            auto* self = static_cast<StdinReader*>(h->data);
            *buf = uv_buf_init(self->buffer_, sizeof self->buffer_);
          },
          [](uv_stream_t* s, ssize_t nread, const uv_buf_t* buf) {
            auto* self = static_cast<StdinReader*>(s->data);
            if (nread > 0) {
              self->received(std::string_view(buf->base, static_cast<size_t>(nread)));
            } else if (nread < 0) {
              self->end_of_input();  // UV_EOF, or a read error: the line is gone either way
            }
          });
    } else {
      uv_read_stop(&handle_.stream);
    }
  } else if (kind_ == Kind::file && want) {
    start_file_read();
  }
}

void StdinReader::start_file_read() {
  if (file_read_pending_ || closed_) return;
  file_read_pending_ = true;
  read_req_.data = this;
  uv_buf_t buf = uv_buf_init(buffer_, sizeof buffer_);
  uv_fs_read(device_.loop(), &read_req_, 0, &buf, 1, -1, [](uv_fs_t* req) {
    auto* self = static_cast<StdinReader*>(req->data);
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    self->file_read_pending_ = false;
    if (self->closed_) return;
    if (n > 0) {
      self->received(std::string_view(self->buffer_, static_cast<size_t>(n)));
      if (self->reading_) self->start_file_read();
    } else if (n != UV_ECANCELED) {
      self->end_of_input();
    }
  });
}

void StdinReader::received(std::string_view bytes) {
  if (input_ == nullptr || input_->boot().halted()) {
    // A restart is in progress: the next boot gets these bytes.
    pending_.append(bytes);
    update();
    return;
  }
  dispatch(bytes);
}

void StdinReader::dispatch(std::string_view bytes) {
  if (input_ == nullptr) return;
  if (listener_ != nullptr) listener_->on_rx(bytes);
  // With uart.on("data", ..., 0) the interpreter sees nothing (runtime.md §4.9.2).
  bool to_interpreter =
      listener_ != nullptr ? listener_->rx_to_interpreter() : device_.options().interactive;
  if (to_interpreter) input_->feed(line_ends_.normalise(bytes));
}

void StdinReader::end_of_input() {
  eof_ = true;
  update();
  if (input_ == nullptr || input_->boot().halted()) return;  // the next boot hears of it
  eof_delivered_ = true;
  bool to_interpreter =
      listener_ != nullptr ? listener_->rx_to_interpreter() : device_.options().interactive;
  if (listener_ != nullptr) listener_->on_rx_end();
  if (to_interpreter && input_ != nullptr) input_->feed_end();
}

void StdinReader::close() {
  if (closed_) return;
  closed_ = true;
  reading_ = false;
  if (kind_ == Kind::stream) {
    uv_close(reinterpret_cast<uv_handle_t*>(&handle_.stream), nullptr);
  } else if (file_read_pending_) {
    uv_cancel(reinterpret_cast<uv_req_t*>(&read_req_));
  }
}

}  // namespace nmh
