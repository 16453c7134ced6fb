#include "runtime/diagnostics.hpp"

namespace nmh {

std::string format_text(std::string_view text, std::initializer_list<std::string_view> values) {
  std::string out;
  out.reserve(text.size() + 32);
  const auto* value = values.begin();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}' && value != values.end()) {
      out += *value++;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool Diagnostics::report(const Code& code, std::initializer_list<std::string_view> values,
                         std::string_view location) {
  return report_keyed(code, location, values, location);
}

bool Diagnostics::report_keyed(const Code& code, std::string_view key,
                               std::initializer_list<std::string_view> values,
                               std::string_view location) {
  // Errors are always printed; warnings and notes once per (code, location) (§5.5).
  if (code.level != Level::error) {
    if (!seen_.insert(std::make_pair(std::string(code.id), std::string(key))).second) return false;
  }
  if (code.level == Level::warning) {
    ++warning_total_;
    bool found = false;
    for (auto& [id, n] : per_code_) {
      if (id == code.id) {
        ++n;
        found = true;
      }
    }
    if (!found) per_code_.emplace_back(code.id, 1);
  }
  if (quiet_ && code.level != Level::error) return true;
  write_line(code, format_text(code.text, values), location);
  return true;
}

void Diagnostics::write_line(const Code& code, const std::string& text, std::string_view location) {
  if (before_write_) before_write_();
  const char* level = code.level == Level::warning ? "warning"
                      : code.level == Level::note  ? "note"
                                                   : "error";
  std::string line = "nodemcu-host: ";
  line += level;
  line += ": ";
  line += code.id;
  line += ": ";
  line += text;
  if (!location.empty()) {
    line += " (at ";
    line += location;
    line += ')';
  }
  line += '\n';
  // Nowhere to report a failing stderr.
  (void)std::fwrite(line.data(), 1, line.size(), out_);
  (void)std::fflush(out_);
}

void Diagnostics::summary(size_t heap_high_water, size_t heap_budget) {
  if (warning_total_ == 0 || quiet_) return;
  std::string list;
  for (const auto& [id, n] : per_code_) {
    if (!list.empty()) list += ", ";
    list += id;
    list += " x";
    list += std::to_string(n);
  }
  static constexpr Code kSummary{"N-SUMMARY", Level::note,
                                 "{} warnings ({}); heap high-water {} of {}"};
  write_line(
      kSummary,
      format_text(kSummary.text, {std::to_string(warning_total_), list,
                                  std::to_string(heap_high_water), std::to_string(heap_budget)}),
      {});
}

}  // namespace nmh
