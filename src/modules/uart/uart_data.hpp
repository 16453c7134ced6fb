// A uart.on("data") registration (runtime.md §4.9.2): cuts what stdin, the
// RX line, delivers into records (every n bytes, through a delimiter, or as
// read) and hands each to the callback as a MEDIUM task.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "lua/ref.hpp"
#include "modules/uart/rx_records.hpp"
#include "runtime/resource.hpp"
#include "runtime/stdin.hpp"

namespace nmh {

class UartData final : public Resource, public RxListener {
 public:
  // size > 0: records of size bytes; delim >= 0: through that byte; else each read.
  UartData(Boot& boot, lua::Ref callback, size_t size, int delim, bool run_input);

  // The current registration of boot, if any.
  static UartData* current(Boot& boot);
  // uart.on("data") without a function, or a new registration: records not yet
  // delivered are dropped, as the device's input buffer is.
  void unregister();
  void shutdown(bool /*graceful*/) override { unregister(); }

  void on_rx(std::string_view bytes) override;
  void on_rx_end() override;
  bool rx_to_interpreter() const override { return run_input_; }

 private:
  // Shared with the pending task, which may outlive this registration.
  struct Queue {
    lua::Ref callback;
    std::deque<std::string> records;
    bool task_pending = false;
  };
  static void post(Boot& boot, const std::shared_ptr<Queue>& queue);
  void emit(std::string record);

  std::shared_ptr<Queue> queue_;
  RxRecords records_;
  bool run_input_;
};

}  // namespace nmh
