#include "runtime/options.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
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

}  // namespace

ParseResult parse_options(const std::vector<std::string>& argv) {
  ParseResult r;
  Options& o = r.options;
  auto fail = [&r](std::string msg) {
    r.error = std::move(msg);
    return r;
  };
  size_t i = 0;
  for (; i < argv.size(); ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') break;  // the operand
    std::string value;
    bool inline_value = false;
    if (arg.rfind("--", 0) == 0) {
      size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
        inline_value = true;
      }
    }
    auto take = [&](std::string& out) {
      if (inline_value) {
        out = value;
        return true;
      }
      if (i + 1 >= argv.size()) return false;
      out = argv[++i];
      return true;
    };
    auto flag = [&]() { return !inline_value; };
    std::string v;
    if (arg == "-h" || arg == "--help" || arg == "--version") {
      if (!flag()) return fail("option " + arg + " takes no value");
      (arg == "--version" ? o.version : o.help) = true;
    } else if (arg == "-e") {
      if (!take(v)) return fail("option -e needs a Lua chunk");
      o.chunks.push_back(v);
    } else if (arg == "-i") {
      o.interactive = true;
    } else if (arg == "-q" || arg == "--quiet") {
      if (!flag()) return fail("option " + arg + " takes no value");
      o.quiet = true;
    } else if (arg == "--strict" || arg == "--banner" || arg == "--scratch") {
      if (!flag()) return fail("option " + arg + " takes no value");
      (arg == "--strict" ? o.strict : arg == "--banner" ? o.banner : o.scratch) = true;
    } else if (arg == "--profile") {
      if (!take(v)) return fail("option --profile needs a value");
      if (find_profile(v) == nullptr) {
        return fail("unknown profile '" + v + "' (supported: " + profile_names() + ")");
      }
      o.profile = v;
    } else if (arg == "--port-map") {
      if (!take(v)) return fail("option --port-map needs auto or DEV=HOST");
      if (v == "auto") {
        o.port_map_auto = true;
      } else {
        size_t eq = v.find('=');
        long long dev = 0;
        long long host = 0;
        // A script listens on a real port (1-65535); host port 0 means ephemeral (§1.2).
        if (eq == std::string::npos || !parse_int(v.substr(0, eq), 1, 65535, dev) ||
            !parse_int(v.substr(eq + 1), 0, 65535, host)) {
          return fail("bad --port-map '" + v +
                      "' (expected auto or DEV=HOST, DEV 1-65535, HOST 0-65535)");
        }
        o.port_maps.push_back({static_cast<int>(dev), static_cast<int>(host)});
      }
    } else if (arg == "--dns-server") {
      if (!take(v) || !valid_dns_server(v)) {
        return fail("bad --dns-server '" + v + "' (expected IP, IP:PORT or [IPv6]:PORT)");
      }
      // At most twice: the device has two DNS slots (net.md §7.3).
      if (o.dns_servers.size() == 2) return fail("option --dns-server given more than twice");
      o.dns_servers.push_back(v);
      if (o.dns_server.empty()) o.dns_server = v;
    } else if (arg == "--tls-ca") {
      if (!take(v) || v.empty()) return fail("option --tls-ca needs a PEM file");
      o.tls_ca = v;
    } else if (arg == "--on-error") {
      if (!take(v)) return fail("option --on-error needs exit, restart or continue");
      if (v == "exit") {
        o.on_error = OnError::exit;
      } else if (v == "restart") {
        o.on_error = OnError::restart;
      } else if (v == "continue") {
        o.on_error = OnError::cont;
      } else {
        return fail("bad --on-error '" + v + "' (expected exit, restart or continue)");
      }
    } else if (arg == "--max-restarts") {
      long long n = 0;
      if (!take(v) || !parse_int(v, 0, 1000000, n)) {
        return fail("bad --max-restarts '" + v + "' (expected a whole number >= 0)");
      }
      o.max_restarts = static_cast<int>(n);
    } else if (arg == "--on-dsleep") {
      if (!take(v) || (v != "exit" && v != "wake")) {
        return fail("bad --on-dsleep '" + v + "' (expected exit or wake)");
      }
      o.on_dsleep = v == "exit" ? OnDsleep::exit : OnDsleep::wake;
    } else if (arg == "--timeout") {
      double s = 0;
      if (!take(v) || !parse_double(v, 0, s) || s <= 0 || s > kMaxSeconds) {
        return fail("bad --timeout '" + v + "' (expected seconds, > 0 and <= 1e9)");
      }
      o.timeout = s;
    } else if (arg == "--root") {
      if (!take(v) || v.empty()) return fail("option --root needs a directory");
      o.root = v;
    } else if (arg == "--lfs") {
      if (!take(v) || v.empty()) return fail("option --lfs needs a directory");
      o.lfs = v;
    } else if (arg == "--heap") {
      long long b = 0;
      if (!take(v) || !parse_int(v, 1, 0x7fffffffLL, b)) {
        return fail("bad --heap '" + v + "' (expected bytes, 1-2147483647)");
      }
      o.heap = static_cast<uint64_t>(b);
    } else if (arg == "--heap-scale") {
      double f = 0;
      if (!take(v) || !parse_double(v, 0, f) || f <= 0) {
        return fail("bad --heap-scale '" + v + "' (expected a number > 0)");
      }
      o.heap_scale = f;
    } else if (arg == "--ip") {
      in_addr a4{};
      if (!take(v) || inet_pton(AF_INET, v.c_str(), &a4) != 1) {
        return fail("bad --ip '" + v + "' (expected an IPv4 address)");
      }
      o.ip = v;
    } else if (arg == "--wifi") {
      if (!take(v) || (v != "up" && v != "down")) {
        return fail("bad --wifi '" + v + "' (expected up or down)");
      }
      o.wifi_up = v == "up";
    } else if (arg == "--wifi-delay") {
      long long ms = 0;
      if (!take(v) || !parse_int(v, 0, 86400000, ms)) {
        return fail("bad --wifi-delay '" + v + "' (expected milliseconds >= 0)");
      }
      o.wifi_delay_ms = static_cast<int>(ms);
    } else if (arg == "--chipid") {
      long long id = 0;
      if (!take(v) || !parse_int(v, 0, 0xFFFFFF, id)) {
        return fail("bad --chipid '" + v + "' (expected a 24-bit number)");
      }
      o.chipid = static_cast<uint32_t>(id);
    } else if (arg == "--modules") {
      if (!take(v)) return fail("option --modules needs a comma-separated list");
      o.modules = split_list(v);
      std::string error;
      if (!validate_modules(o, error)) return fail(error);
    } else if (arg == "--ntest") {
      if (!inline_value || value == "plain") {
        o.ntest = NtestMode::plain;
      } else if (value == "tap") {
        o.ntest = NtestMode::tap;
      } else {
        return fail("bad --ntest '" + value + "' (expected plain or tap)");
      }
    } else if (arg == "--uptime-offset") {
      double s = 0;
      // Bounded so that offset in microseconds fits the 64-bit uptime.
      if (!take(v) || !parse_double(v, 0, s) || s > kMaxSeconds) {
        return fail("bad --uptime-offset '" + v + "' (expected seconds, 0-1e9)");
      }
      o.uptime_offset = s;
    } else {
      return fail("unknown option '" + arg + "' (see --help)");
    }
  }
  if (i < argv.size()) {
    // An empty operand names no file; taken as given it would read as "no
    // operand" (flash root = cwd) with ARGs after it (§1.1), so it is refused.
    if (argv[i].empty()) return fail("empty SCRIPT or DIR operand");
    o.operand = argv[i++];
    o.args.assign(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
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
