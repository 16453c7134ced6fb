#include "runtime/profile.hpp"

namespace nmh {

namespace {

// runtime.md §5.1. The esp8266 heap budget is the node.heap() a firmware 3.0
// Lua 5.3 build printed right after boot; the scale awaits §6.3's calibration.
constexpr Profile kProfiles[] = {
    {.name = "esp8266",
     .firmware = "ESP8266 3.0",
     .device = true,
     .heap_budget = 43368,
     .heap_scale = 0.6,
     .task_queue = 8,
     .open_files = 4,
     .fs_total = 3000000,
     .absent_warnings = true,
     .block_ms = 500,
     .egc_threshold = 4096,
     .tcp_established = 5,
     .tcp_send_buffer = 2920,
     .tcp_chunk = 1460,
     .tcp_read = 5840,
     .connect_timeout_ms = 6000,
     .default_ttl = 255,
     .udp_payload = 1472,
     .dns_lookups = 4,
     .dns_ipv6 = false},
    {.name = "host",
     .firmware = "host",
     .device = false,
     .heap_budget = 2147483647,
     .heap_scale = 1.0,
     .task_queue = 0,
     .open_files = 0,
     .fs_total = 0,
     .absent_warnings = false,
     .block_ms = 0,
     .egc_threshold = 0,
     .tcp_established = 0,
     .tcp_send_buffer = 0,
     .tcp_chunk = 0,
     .tcp_read = 65536,
     .connect_timeout_ms = 0,
     .default_ttl = 0,
     .udp_payload = 65507,
     .dns_lookups = 0,
     .dns_ipv6 = true},
};

}  // namespace

const Profile* find_profile(std::string_view name) {
  for (const Profile& p : kProfiles) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string profile_names() {
  std::string out;
  for (const Profile& p : kProfiles) {
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

}  // namespace nmh
