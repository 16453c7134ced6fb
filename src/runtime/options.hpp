// The command line of runtime.md §1, parsed into plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nmh {

enum class OnError { exit, restart, cont };
enum class OnDsleep { exit, wake };
enum class NtestMode { off, plain, tap };

struct PortMap {
  int device_port;  // -1 with `auto`
  int host_port;
};

struct Options {
  std::string operand;  // SCRIPT or DIR; empty: no operand (flash root = cwd)
  std::vector<std::string> args;
  std::vector<std::string> chunks;  // -e, in order
  bool interactive = false;
  std::string profile = "esp8266";
  bool port_map_auto = false;
  std::vector<PortMap> port_maps;
  std::string dns_server;                // the first --dns-server, empty: resolv.conf
  std::vector<std::string> dns_servers;  // every --dns-server, at most 2 (net.md §7.3)
  std::string tls_ca;
  bool strict = false;
  OnError on_error = OnError::exit;
  int max_restarts = 10;
  OnDsleep on_dsleep = OnDsleep::exit;
  std::optional<double> timeout;  // seconds
  bool quiet = false;
  bool banner = false;
  std::string root;
  bool scratch = false;
  std::string lfs;
  std::optional<uint64_t> heap;
  std::optional<double> heap_scale;
  std::string ip;
  bool wifi_up = true;
  int wifi_delay_ms = 0;
  uint32_t chipid = 0x123456;
  std::optional<std::vector<std::string>> modules;
  NtestMode ntest = NtestMode::off;
  double uptime_offset = 0;
  bool help = false;
  bool version = false;
};

struct ParseResult {
  Options options;
  std::string error;  // non-empty: usage error (runtime.md §1.2, status 2)
};

ParseResult parse_options(const std::vector<std::string>& argv);
// Every spelling parse_options accepts ("-q", "--quiet", ...), "--" aside.
std::vector<std::string> option_names();
std::string usage_text();
std::string version_text();

}  // namespace nmh
