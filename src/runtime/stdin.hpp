// The RX line of the device's console UART: stdin (runtime.md §4.9.2, §4.9.3).
//
// StdinReader belongs to the Device, so it survives node.restart(); what it
// reads goes to the current Boot. It reads only while reading is work
// (runtime.md §2.2): `-i` before EOF, or a uart.on("data") registration
// before EOF. It works on a terminal, a pipe or socket (libuv streams) and a
// regular file or character device (uv_fs_read on fd 0).
//
// ConsoleInput is the per-boot end of the line: the interpreter's input
// queue, fed by stdin and by node.input, one line per LOW task.
#pragma once

#include <uv.h>

#include <string>
#include <string_view>

#include "runtime/console_lines.hpp"
#include "runtime/resource.hpp"

namespace nmh {

class Boot;
class Device;
class StdinReader;

// A consumer of raw RX bytes in the current boot (uart.on("data")).
class RxListener {
 public:
  virtual ~RxListener() = default;
  // Bytes as read from stdin, in order.
  virtual void on_rx(std::string_view bytes) = 0;
  // stdin reached EOF: the line goes quiet for good.
  virtual void on_rx_end() = 0;
  // run_input: complete lines also go to the interpreter (runtime.md §4.9.2).
  virtual bool rx_to_interpreter() const = 0;
};

// The interpreter's input for one boot (runtime.md §4.9.3).
class ConsoleInput final : public Resource {
 public:
  ConsoleInput(Boot& boot, StdinReader& reader);
  // Appends console input; each complete line ("\n"-terminated, as the
  // firmware's stdin pipe reader requires) runs as its own LOW task.
  void feed(std::string_view bytes);
  // EOF on stdin: a last line without its newline is run as well.
  void feed_end();
  void shutdown(bool graceful) override;

 private:
  void post_line_task();
  void run_line();

  StdinReader& reader_;
  LineQueue lines_;
  bool task_pending_ = false;
};

class StdinReader {
 public:
  explicit StdinReader(Device& device);
  ~StdinReader();
  StdinReader(const StdinReader&) = delete;
  StdinReader& operator=(const StdinReader&) = delete;

  // Called after Boot::start: under -i the first prompt (a LOW task, as the
  // firmware queues its first prompt), and input not yet consumed by the
  // previous boot goes to this one.
  void boot_started(Boot& boot);

  // The interpreter input of boot (created on first use).
  ConsoleInput& input(Boot& boot);

  // uart.on("data"): the boot's listener.
  void listen(Boot& boot, RxListener* listener);
  // A listener going away (unregistered or torn down); no-op if not current.
  void unlisten(RxListener* listener);
  RxListener* listener(Boot& boot) const;

  // Closes the libuv handle; the Device calls it before closing the loop.
  void close();

 private:
  friend class ConsoleInput;
  enum class Kind { none, stream, file };

  void input_gone(ConsoleInput* input, const std::string& unconsumed);
  bool wanted() const;
  void update();
  void open();
  void start_file_read();
  void received(std::string_view bytes);
  void dispatch(std::string_view bytes);
  void end_of_input();

  Device& device_;
  Kind kind_ = Kind::none;
  bool opened_ = false;
  bool reading_ = false;
  bool eof_ = false;
  bool eof_delivered_ = false;
  bool closed_ = false;
  // The interpreter path of the UART: CR, LF, CR LF and LF CR each end a line.
  LineEnds line_ends_;

  ConsoleInput* input_ = nullptr;
  RxListener* listener_ = nullptr;
  // Read while no boot could take it (a restart in progress), for the next boot.
  std::string pending_;
  // Lines a torn-down boot read but never ran, for the next boot's interpreter.
  std::string backlog_;

  union {
    uv_stream_t stream;
    uv_pipe_t pipe;
    uv_tty_t tty;
    uv_tcp_t tcp;
  } handle_{};
  uv_fs_t read_req_{};
  bool file_read_pending_ = false;
  char buffer_[4096]{};
};

}  // namespace nmh
