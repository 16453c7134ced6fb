// Profiles: plain data, the numbers of runtime.md §5.1 and net.md §13. Modules
// read limits from here; none hard-codes a device number or tests a name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nmh {

struct Profile {
  std::string_view name;
  std::string_view firmware;  // the firmware function set, as W-ABSENT names it
  // Device profiles print pitfall warnings, emulate the EGC and warn W-BLOCK.
  bool device;
  size_t heap_budget;    // free heap when the main chunk starts (runtime.md §5.1)
  double heap_scale;     // host bytes to device bytes (§5.2)
  size_t task_queue;     // pending tasks per priority; 0 = unlimited (§2.3)
  size_t open_files;     // 0 = unlimited (§4.3)
  size_t fs_total;       // bytes; 0 = the host disk
  bool absent_warnings;  // W-ABSENT for functions the firmware lacks (§4.0)
  double block_ms;       // W-BLOCK threshold; 0 = off (§2.8)
  size_t egc_threshold;  // full collection below this much free heap; 0 = off (§3.3)

  // net.md §13. 0 means no limit, or the OS default.
  size_t tcp_established;  // established connections before accepts are deferred
  size_t tcp_send_buffer;  // largest single send (TCP_SND_BUF)
  size_t tcp_chunk;        // largest receive event (TCP_MSS)
  size_t tcp_read;         // bytes read per OS read (TCP_WND after hold)
  unsigned connect_timeout_ms;
  int default_ttl;     // IP_DEFAULT_TTL; 0 = the OS default
  size_t udp_payload;  // largest datagram sent or received
  size_t dns_lookups;  // lookups in flight (DNS_TABLE_SIZE)
  bool dns_ipv6;       // AAAA fallback, IPv6 DNS servers and ports (net.md §7.2, §7.3)
};

const Profile* find_profile(std::string_view name);
std::string profile_names();

}  // namespace nmh
