#include "modules/uart/uart_data.hpp"

#include "runtime/boot.hpp"
#include "runtime/device.hpp"

namespace nmh {

UartData::UartData(Boot& boot, lua::Ref callback, size_t size, int delim, bool run_input)
    : Resource(boot),
      queue_(std::make_shared<Queue>()),
      records_(size, delim),
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
  std::vector<std::string> complete;
  records_.cut(bytes, complete);
  for (std::string& record : complete) emit(std::move(record));
}

void UartData::on_rx_end() {
  if (std::optional<std::string> last = records_.rest()) emit(std::move(*last));
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
