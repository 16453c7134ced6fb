#include "modules/uart/uart_data.hpp"

#include "runtime/boot.hpp"
#include "runtime/device.hpp"

namespace nmh {

UartData::UartData(Boot& boot, lua::Ref callback, size_t size, int delim, bool run_input)
    : Resource(boot),
      queue_(std::make_shared<Queue>()),
      size_(size),
      delim_(delim),
      run_input_(run_input) {
  queue_->callback = std::move(callback);
  boot.device().stdin_reader().listen(boot, this);
}

UartData* UartData::current(Boot& boot) {
  // Only this module registers RX listeners.
  return static_cast<UartData*>(boot.device().stdin_reader().listener(boot));
}

void UartData::unregister() {
  boot().device().stdin_reader().unlisten(this);
  queue_->records.clear();
  queue_->callback.reset();
  delete this;
}

void UartData::on_rx(std::string_view bytes) {
  if (size_ > 0) {
    partial_.append(bytes);
    size_t at = 0;
    for (; partial_.size() - at >= size_; at += size_) emit(partial_.substr(at, size_));
    partial_.erase(0, at);
  } else if (delim_ >= 0) {
    for (char c : bytes) {
      partial_ += c;
      if (static_cast<unsigned char>(c) == delim_ || partial_.size() >= kMaxRecord) {
        emit(std::exchange(partial_, {}));
      }
    }
  } else {
    emit(std::string(bytes));
  }
}

void UartData::on_rx_end() {
  // The device's line never ends; on the host a short last record would
  // otherwise be lost at EOF, so it is delivered as it is.
  if (!partial_.empty()) emit(std::exchange(partial_, {}));
}

void UartData::emit(std::string record) {
  queue_->records.push_back(std::move(record));
  post(boot(), queue_);
}

void UartData::post(Boot& boot, const std::shared_ptr<Queue>& queue) {
  // One pending MEDIUM task delivers one record and reposts while records
  // remain, so a burst of input cannot overflow the task queue (§2.3, §4.9.2).
  if (queue->task_pending || queue->records.empty()) return;
  auto task = [&boot, queue] {
    queue->task_pending = false;
    if (queue->records.empty() || !queue->callback) return;
    std::string record = std::move(queue->records.front());
    queue->records.pop_front();
    lua_State* L = boot.L();
    queue->callback.push(L);
    lua_pushlstring(L, record.data(), record.size());
    boot.invoke(1, CallbackKind::uart);
    post(boot, queue);
  };
  if (boot.post(Priority::medium, task, "uart") != PostResult::refused) queue->task_pending = true;
}

}  // namespace nmh
