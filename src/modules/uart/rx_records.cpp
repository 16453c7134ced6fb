#include "modules/uart/rx_records.hpp"

#include <utility>

namespace nmh {

void RxRecords::cut(std::string_view bytes, std::vector<std::string>& out) {
  if (size_ > 0) {
    partial_.append(bytes);
    size_t at = 0;
    for (; partial_.size() - at >= size_; at += size_) out.push_back(partial_.substr(at, size_));
    partial_.erase(0, at);
  } else if (delim_ >= 0) {
    for (char c : bytes) {
      partial_ += c;
      if (static_cast<unsigned char>(c) == delim_ || partial_.size() >= kMaxRecord) {
        out.push_back(std::exchange(partial_, {}));
      }
    }
  } else {
    out.emplace_back(bytes);
  }
}

std::optional<std::string> RxRecords::rest() {
  // The device's line never ends; on the host a short last record would
  // otherwise be lost at EOF, so it is delivered as it is.
  if (partial_.empty()) return std::nullopt;
  return std::exchange(partial_, {});
}

}  // namespace nmh
