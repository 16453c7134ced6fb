// The command line parser (runtime.md §1): the input split on NUL bytes is
// argv without the program name, as main() passes it. Whatever it is, the
// parser returns; an accepted command line holds only values the table of
// §1.2 allows, and the operand's arguments are argv's tail, untouched.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "runtime/options.hpp"
#include "runtime/profile.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> argv;
  std::string arg;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      argv.push_back(std::move(arg));
      arg.clear();
    } else {
      arg += static_cast<char>(data[i]);
    }
  }
  if (size > 0) argv.push_back(std::move(arg));

  nmh::ParseResult r = nmh::parse_options(argv);
  nmh::ParseResult again = nmh::parse_options(argv);
  check(r.error == again.error);
  if (!r.error.empty()) return 0;

  const nmh::Options& o = r.options;
  check(o.operand == again.options.operand && o.args == again.options.args);
  check(o.chunks == again.options.chunks);
  check(nmh::find_profile(o.profile) != nullptr);
  check(o.dns_servers.size() <= 2);
  check(o.dns_server == (o.dns_servers.empty() ? std::string() : o.dns_servers.front()));
  for (const nmh::PortMap& m : o.port_maps) {
    check(m.device_port >= 1 && m.device_port <= 65535);
    check(m.host_port >= 0 && m.host_port <= 65535);
  }
  if (o.timeout) check(*o.timeout > 0 && *o.timeout <= 1e9);
  if (o.heap) check(*o.heap >= 1 && *o.heap <= 0x7fffffff);
  if (o.heap_scale) check(*o.heap_scale > 0);
  check(o.max_restarts >= 0 && o.max_restarts <= 1000000);
  check(o.wifi_delay_ms >= 0 && o.wifi_delay_ms <= 86400000);
  check(o.chipid <= 0xFFFFFF);
  check(o.uptime_offset >= 0 && o.uptime_offset <= 1e9);
  if (o.modules) {
    for (const std::string& m : *o.modules) check(!m.empty() && m.find(',') == std::string::npos);
  }
  // What follows the operand is the script's, as given.
  if (!o.operand.empty()) {
    check(o.args.size() < argv.size());
    std::vector<std::string> tail(argv.end() - static_cast<std::ptrdiff_t>(o.args.size()),
                                  argv.end());
    check(tail == o.args);
    check(argv[argv.size() - o.args.size() - 1] == o.operand);
  } else {
    check(o.args.empty());
  }
  return 0;
}
