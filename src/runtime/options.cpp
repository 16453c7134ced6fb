#include "runtime/options.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "lua/lua.hpp"
#include "runtime/modules.hpp"
#include "runtime/profile.hpp"

namespace nmh {

namespace {

constexpr double kMaxSeconds = 1e9;

// Decimal, or hexadecimal with 0x (--chipid 0x123456). Not strtoll's base 0:
// `--heap 010` must not mean 8. No sign, no blanks.
bool parse_int(const std::string& s, long long lo, long long hi, long long& out) {
  bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  std::string_view digits = hex ? std::string_view(s).substr(2) : std::string_view(s);
  if (digits.empty()) return false;
  long long v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, hex ? 16 : 10);
  if (ec != std::errc() || end != digits.data() + digits.size() || v < lo || v > hi) return false;
  out = v;
  return true;
}

bool parse_double(const std::string& s, double lo, double& out) {
  // strtod skips blanks and reads "inf", "nan" and hex floats; only plain decimals are seconds.
  if (s.empty() || s.find_first_not_of("0123456789.eE+-") != std::string::npos) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (*end != '\0' || !std::isfinite(v) || v < lo) return false;
  out = v;
  return true;
}

// IPv4[:PORT], IPv6 or [IPv6]:PORT (net.md §7.3).
bool valid_dns_server(const std::string& s) {
  std::string host = s;
  std::string port;
  if (!s.empty() && s[0] == '[') {
    size_t close = s.find(']');
    if (close == std::string::npos || close + 1 >= s.size() || s[close + 1] != ':') return false;
    host = s.substr(1, close - 1);
    port = s.substr(close + 2);
    in6_addr a6{};
    if (inet_pton(AF_INET6, host.c_str(), &a6) != 1) return false;
  } else if (std::count(s.begin(), s.end(), ':') == 1) {
    size_t colon = s.find(':');
    host = s.substr(0, colon);
    port = s.substr(colon + 1);
    in_addr a4{};
    if (inet_pton(AF_INET, host.c_str(), &a4) != 1) return false;
  } else {
    in_addr a4{};
    in6_addr a6{};
    return inet_pton(AF_INET, s.c_str(), &a4) == 1 || inet_pton(AF_INET6, s.c_str(), &a6) == 1;
  }
  long long p = 0;
  return parse_int(port, 1, 65535, p);
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// One row per option of runtime.md §1.2. A parser writes its value into
// Options and returns "" or the usage error.
enum class Takes { nothing, value, optional_value };
using Parser = std::string (*)(Options& o, const std::optional<std::string>& value);

// The parsers of the options that only switch a field on or store their text.
template <bool Options::*field>
std::string set_flag(Options& o, const std::optional<std::string>& /*value*/) {
  o.*field = true;
  return {};
}
template <std::string Options::*field>
std::string set_text(Options& o, const std::optional<std::string>& value) {
  o.*field = *value;
  return {};
}

struct OptionRow {
  std::string_view name;
  std::string_view alias;  // a second spelling ("-q" of "--quiet"), or empty
  Takes takes;
  // A value option whose value is absent fails with "option NAME needs
  // <needs>"; so does an empty one when refuse_empty. With needs empty, an
  // absent value is parsed as "" and the parser's own message names it.
  std::string_view needs;
  bool refuse_empty;
  Parser parse;
};

std::string bad(std::string_view option, const std::string& value, std::string_view expected) {
  return "bad " + std::string(option) + " '" + value + "' (expected " + std::string(expected) + ")";
}

std::string parse_port_map(Options& o, const std::optional<std::string>& value) {
  const std::string& v = *value;
  if (v == "auto") {
    o.port_map_auto = true;
    return {};
  }
  size_t eq = v.find('=');
  long long dev = 0;
  long long host = 0;
  // A script listens on a real port (1-65535); host port 0 means ephemeral (§1.2).
  if (eq == std::string::npos || !parse_int(v.substr(0, eq), 1, 65535, dev) ||
      !parse_int(v.substr(eq + 1), 0, 65535, host)) {
    return bad("--port-map", v, "auto or DEV=HOST, DEV 1-65535, HOST 0-65535");
  }
  o.port_maps.push_back({static_cast<int>(dev), static_cast<int>(host)});
  return {};
}

std::string parse_dns_server(Options& o, const std::optional<std::string>& value) {
  const std::string& v = *value;
  if (!valid_dns_server(v)) return bad("--dns-server", v, "IP, IP:PORT or [IPv6]:PORT");
  // At most twice: the device has two DNS slots (net.md §7.3).
  if (o.dns_servers.size() == 2) return "option --dns-server given more than twice";
  o.dns_servers.push_back(v);
  if (o.dns_server.empty()) o.dns_server = v;
  return {};
}

std::string parse_on_error(Options& o, const std::optional<std::string>& value) {
  const std::string& v = *value;
  if (v == "exit") {
    o.on_error = OnError::exit;
  } else if (v == "restart") {
    o.on_error = OnError::restart;
  } else if (v == "continue") {
    o.on_error = OnError::cont;
  } else {
    return bad("--on-error", v, "exit, restart or continue");
  }
  return {};
}

std::string parse_ntest(Options& o, const std::optional<std::string>& value) {
  // A bare --ntest never takes the next argument: that is the operand.
  if (!value || *value == "plain") {
    o.ntest = NtestMode::plain;
  } else if (*value == "tap") {
    o.ntest = NtestMode::tap;
  } else {
    return bad("--ntest", *value, "plain or tap");
  }
  return {};
}

// In the order of --help.
const OptionRow kOptions[] = {
    {"-e",
     {},
     Takes::value,
     "a Lua chunk",
     false,
     [](Options& o, const std::optional<std::string>& v) {
       o.chunks.push_back(*v);
       return std::string();
     }},
    {"-i", {}, Takes::nothing, {}, false, set_flag<&Options::interactive>},
    {"--timeout",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       double s = 0;
       if (!parse_double(*v, 0, s) || s <= 0 || s > kMaxSeconds) {
         return bad("--timeout", *v, "seconds, > 0 and <= 1e9");
       }
       o.timeout = s;
       return std::string();
     }},
    {"--on-error", {}, Takes::value, "exit, restart or continue", false, parse_on_error},
    {"--max-restarts",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       long long n = 0;
       if (!parse_int(*v, 0, 1000000, n)) return bad("--max-restarts", *v, "a whole number >= 0");
       o.max_restarts = static_cast<int>(n);
       return std::string();
     }},
    {"--on-dsleep",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       if (*v != "exit" && *v != "wake") return bad("--on-dsleep", *v, "exit or wake");
       o.on_dsleep = *v == "exit" ? OnDsleep::exit : OnDsleep::wake;
       return std::string();
     }},
    {"--ntest", {}, Takes::optional_value, {}, false, parse_ntest},
    {"--profile",
     {},
     Takes::value,
     "a value",
     false,
     [](Options& o, const std::optional<std::string>& v) {
       if (find_profile(*v) == nullptr) {
         return "unknown profile '" + *v + "' (supported: " + profile_names() + ")";
       }
       o.profile = *v;
       return std::string();
     }},
    {"--strict", {}, Takes::nothing, {}, false, set_flag<&Options::strict>},
    {"--heap",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       long long b = 0;
       if (!parse_int(*v, 1, 0x7fffffffLL, b)) return bad("--heap", *v, "bytes, 1-2147483647");
       o.heap = static_cast<uint64_t>(b);
       return std::string();
     }},
    {"--heap-scale",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       double f = 0;
       if (!parse_double(*v, 0, f) || f <= 0) return bad("--heap-scale", *v, "a number > 0");
       o.heap_scale = f;
       return std::string();
     }},
    {"--modules",
     {},
     Takes::value,
     "a comma-separated list",
     false,
     [](Options& o, const std::optional<std::string>& v) {
       o.modules = split_list(*v);
       std::string error;
       if (!validate_modules(o, error)) return error;
       return std::string();
     }},
    {"--chipid",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       long long id = 0;
       if (!parse_int(*v, 0, 0xFFFFFF, id)) return bad("--chipid", *v, "a 24-bit number");
       o.chipid = static_cast<uint32_t>(id);
       return std::string();
     }},
    {"--uptime-offset",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       double s = 0;
       // Bounded so that offset in microseconds fits the 64-bit uptime.
       if (!parse_double(*v, 0, s) || s > kMaxSeconds) {
         return bad("--uptime-offset", *v, "seconds, 0-1e9");
       }
       o.uptime_offset = s;
       return std::string();
     }},
    {"--banner", {}, Takes::nothing, {}, false, set_flag<&Options::banner>},
    {"--root", {}, Takes::value, "a directory", true, set_text<&Options::root>},
    {"--scratch", {}, Takes::nothing, {}, false, set_flag<&Options::scratch>},
    {"--lfs", {}, Takes::value, "a directory", true, set_text<&Options::lfs>},
    {"--port-map", {}, Takes::value, "auto or DEV=HOST", false, parse_port_map},
    {"--dns-server", {}, Takes::value, {}, false, parse_dns_server},
    {"--tls-ca", {}, Takes::value, "a PEM file", true, set_text<&Options::tls_ca>},
    {"--ip",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       in_addr a4{};
       if (inet_pton(AF_INET, v->c_str(), &a4) != 1) return bad("--ip", *v, "an IPv4 address");
       o.ip = *v;
       return std::string();
     }},
    {"--wifi",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       if (*v != "up" && *v != "down") return bad("--wifi", *v, "up or down");
       o.wifi_up = *v == "up";
       return std::string();
     }},
    {"--wifi-delay",
     {},
     Takes::value,
     {},
     false,
     [](Options& o, const std::optional<std::string>& v) {
       long long ms = 0;
       if (!parse_int(*v, 0, 86400000, ms)) return bad("--wifi-delay", *v, "milliseconds >= 0");
       o.wifi_delay_ms = static_cast<int>(ms);
       return std::string();
     }},
    {"--quiet", "-q", Takes::nothing, {}, false, set_flag<&Options::quiet>},
    {"--help", "-h", Takes::nothing, {}, false, set_flag<&Options::help>},
    {"--version", {}, Takes::nothing, {}, false, set_flag<&Options::version>},
};

const OptionRow* find_option(std::string_view arg) {
  for (const OptionRow& row : kOptions) {
    if (arg == row.name || (!row.alias.empty() && arg == row.alias)) return &row;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> option_names() {
  std::vector<std::string> names;
  for (const OptionRow& row : kOptions) {
    names.emplace_back(row.name);
    if (!row.alias.empty()) names.emplace_back(row.alias);
  }
  return names;
}

ParseResult parse_options(const std::vector<std::string>& argv) {
  ParseResult r;
  size_t i = 0;
  for (; i < argv.size(); ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') break;  // the operand
    // Only a long option takes its value after '=' (--timeout=5).
    std::optional<std::string> value;
    if (arg.starts_with("--")) {
      size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg.resize(eq);
      }
    }
    const OptionRow* row = find_option(arg);
    if (row == nullptr) {
      r.error = "unknown option '" + arg + "' (see --help)";
      return r;
    }
    if (row->takes == Takes::nothing && value) {
      r.error = "option " + arg + " takes no value";
      return r;
    }
    if (row->takes == Takes::value) {
      if (!value && i + 1 < argv.size()) value = argv[++i];
      if (!row->needs.empty() && (!value || (row->refuse_empty && value->empty()))) {
        r.error = "option " + arg + " needs " + std::string(row->needs);
        return r;
      }
      if (!value) value.emplace();
    }
    r.error = row->parse(r.options, value);
    if (!r.error.empty()) return r;
  }
  if (i < argv.size()) {
    // An empty operand names no file; taken as given it would read as "no
    // operand" (flash root = cwd) with ARGs after it (§1.1), so it is refused.
    if (argv[i].empty()) {
      r.error = "empty SCRIPT or DIR operand";
      return r;
    }
    r.options.operand = argv[i++];
    r.options.args.assign(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
  }
  return r;
}

std::string version_text() {
  return std::string("nodemcu-host ") + NODEMCU_HOST_VERSION + " (" + LUA_RELEASE +
         "; firmware API 3.0.0-release_20240225)\n";
}

std::string usage_text() {
  return R"(Usage:
  nodemcu-host [options] SCRIPT [ARG...]   run SCRIPT in place of init.lua
  nodemcu-host [options] DIR [ARG...]      boot DIR/init.lua as the device does
  nodemcu-host [options] -e CHUNK ...      no operand: the flash root is the current directory
  nodemcu-host --version | --help

Runs NodeMCU Lua scripts on Linux with the device's semantics. The process
runs while there is work (armed timers, tasks, sockets, console input) and
exits when none is left. Options precede the operand; what follows it is
_HOST.args. `--` ends the options.

Running:
  -e CHUNK               run CHUNK as a console line before the main chunk (first boot only);
                         repeatable
  -i                     interactive console on stdin after boot, alive until EOF
  --timeout S            wall-clock limit for the run (decimals allowed); then status 124
  --on-error MODE        after an uncaught error's report: exit (default: status 1), restart
                         (the device's 2 s restart) or continue (the run then ends with status 1)
  --max-restarts N       with restart: give up with status 3 after N restarts caused by errors
                         or the soft watchdog (default 10, 0 = unlimited)
  --on-dsleep MODE       node.dsleep: exit (default, status 0) or wake (re-boot after the sleep)
  --ntest[=plain|tap]    run NTest scripts: status 4 if a test failed (tap: TAP lines)

Device model:
  --profile NAME         esp8266 (default: the board's limits and pitfall warnings) or host
                         (no limits, no warnings)
  --strict               limits fail as on the device instead of warning (ignored under host)
  --heap B               heap budget in bytes (esp8266: 43368)
  --heap-scale F         scale from host to device object sizes (esp8266: 0.6)
  --modules LIST         modules to expose, as a firmware build (comma list; default: all)
  --chipid N             24-bit chip id (default 0x123456)
  --uptime-offset S      uptime starts at S seconds at each boot (tests tmr.now() wrap)
  --banner               print the boot banner at every boot

Flash:
  --root DIR             flash root (default: the script's directory, DIR, or the current one)
  --scratch              use a temporary copy of the flash root, deleted at exit (FIFOs,
                         sockets and devices are left out: note N-SCRATCH)
  --lfs DIR              emulated LFS image: every DIR/*.lua

Network:
  --port-map DEV=HOST    a listen on device port DEV binds host port HOST (0: ephemeral, told
                         by note N-PORT); repeatable. --port-map auto: every port below 1024
                         maps to 8000 + port
  --dns-server IP[:PORT] DNS server for every lookup (default: /etc/resolv.conf)
  --tls-ca FILE          PEM certificates trusted by the tls module
  --ip ADDR              station address (default: source address of the default route)
  --wifi up|down         whether the access point is reachable (default up)
  --wifi-delay MS        delay before wifi connection events (default 0)

Output:
  -q, --quiet            no warnings or notes (errors are always printed)
  -h, --help             this text
  --version              version, Lua release and firmware API

stdout is the device's serial console; stderr carries host diagnostics, one
line each: `nodemcu-host: <warning|note|error>: <CODE>: <text> (at chunk:line)`.

Exit status: 0 no work left or _HOST.exit(); 1 uncaught Lua error; 2 usage
error; 3 --max-restarts exceeded; 4 --ntest failure; 70 internal error;
124 --timeout; 128+n signal n; n _HOST.exit(n).
)";
}

}  // namespace nmh
