// parse_options against runtime.md §1.1 and §1.2: every option, and every bad
// value giving a usage error (E-USAGE, status 2).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lua/lua.hpp"
#include "runtime/options.hpp"

namespace nmh {
namespace {

ParseResult parse(std::vector<std::string> argv) {
  return parse_options(argv);
}

Options ok(std::vector<std::string> argv) {
  ParseResult r = parse(argv);
  EXPECT_EQ(r.error, "") << "for " << ::testing::PrintToString(argv);
  return r.options;
}

void bad(std::vector<std::string> argv, const std::string& fragment = {}) {
  ParseResult r = parse(argv);
  EXPECT_NE(r.error, "") << "accepted " << ::testing::PrintToString(argv);
  if (!fragment.empty()) {
    EXPECT_NE(r.error.find(fragment), std::string::npos) << r.error;
  }
}

TEST(Options, DefaultsFollowTheTable) {
  Options o = ok({"init.lua"});
  EXPECT_EQ(o.operand, "init.lua");
  EXPECT_TRUE(o.args.empty());
  EXPECT_TRUE(o.chunks.empty());
  EXPECT_FALSE(o.interactive);
  EXPECT_EQ(o.profile, "esp8266");
  EXPECT_FALSE(o.port_map_auto);
  EXPECT_TRUE(o.port_maps.empty());
  EXPECT_EQ(o.dns_server, "");
  EXPECT_EQ(o.tls_ca, "");
  EXPECT_FALSE(o.strict);
  EXPECT_EQ(o.on_error, OnError::exit);
  EXPECT_EQ(o.max_restarts, 10);
  EXPECT_EQ(o.on_dsleep, OnDsleep::exit);
  EXPECT_FALSE(o.timeout.has_value());
  EXPECT_FALSE(o.quiet);
  EXPECT_FALSE(o.banner);
  EXPECT_EQ(o.root, "");
  EXPECT_FALSE(o.scratch);
  EXPECT_EQ(o.lfs, "");
  EXPECT_FALSE(o.heap.has_value());
  EXPECT_FALSE(o.heap_scale.has_value());
  EXPECT_EQ(o.ip, "");
  EXPECT_TRUE(o.wifi_up);
  EXPECT_EQ(o.wifi_delay_ms, 0);
  EXPECT_EQ(o.chipid, 0x123456u);
  EXPECT_FALSE(o.modules.has_value());
  EXPECT_EQ(o.ntest, NtestMode::off);
  EXPECT_EQ(o.uptime_offset, 0.0);
  EXPECT_FALSE(o.help);
  EXPECT_FALSE(o.version);
}

// §1.1: what follows the operand are ARGs, even when they look like options.
TEST(Options, WordsAfterTheOperandAreArgsEvenIfTheyLookLikeOptions) {
  Options o = ok({"-q", "server.lua", "--strict", "x", "-e"});
  EXPECT_EQ(o.operand, "server.lua");
  EXPECT_TRUE(o.quiet);
  EXPECT_FALSE(o.strict);
  EXPECT_EQ(o.args, (std::vector<std::string>{"--strict", "x", "-e"}));
}

TEST(Options, DoubleDashEndsOptions) {
  Options o = ok({"--", "-odd.lua", "a"});
  EXPECT_EQ(o.operand, "-odd.lua");
  EXPECT_EQ(o.args, (std::vector<std::string>{"a"}));
  Options none = ok({"--"});
  EXPECT_EQ(none.operand, "");
}

TEST(Options, NoOperandIsAllowed) {
  Options o = ok({"-e", "print(1)"});
  EXPECT_EQ(o.operand, "");
  EXPECT_EQ(o.chunks, (std::vector<std::string>{"print(1)"}));
}

TEST(Options, ChunksAreRepeatableAndOrdered) {
  Options o = ok({"-e", "a=1", "-e", "-- comment", "x.lua"});
  EXPECT_EQ(o.chunks, (std::vector<std::string>{"a=1", "-- comment"}));
  bad({"-e"}, "-e");
}

TEST(Options, ShortISetsInteractive) {
  EXPECT_TRUE(ok({"-i"}).interactive);
}

TEST(Options, ProfileTakesASupportedNameOnly) {
  EXPECT_EQ(ok({"--profile", "host", "x"}).profile, "host");
  EXPECT_EQ(ok({"--profile=esp8266", "x"}).profile, "esp8266");
  // esp32 is planned, not built: a usage error naming the supported profiles (§1.2).
  bad({"--profile", "esp32", "x"}, "supported: esp8266, host");
  bad({"--profile", "", "x"});
  bad({"--profile"});
}

TEST(Options, PortMapTakesDevEqualsHostPairsAndAuto) {
  Options o = ok({"--port-map", "80=0", "--port-map=443=8443", "--port-map", "auto", "x"});
  EXPECT_TRUE(o.port_map_auto);
  ASSERT_EQ(o.port_maps.size(), 2u);
  EXPECT_EQ(o.port_maps[0].device_port, 80);
  EXPECT_EQ(o.port_maps[0].host_port, 0);
  EXPECT_EQ(o.port_maps[1].device_port, 443);
  EXPECT_EQ(o.port_maps[1].host_port, 8443);
  for (const char* v : {"80", "=80", "80=", "0=80", "65536=1", "80=65536", "-1=2", "a=b", "80=8x",
                        "80=+1", "AUTO", ""}) {
    bad({"--port-map", v, "x"}, "--port-map");
  }
  bad({"--port-map"});
}

TEST(Options, DnsServerTakesUpToTwoAddressesWithOptionalPorts) {
  EXPECT_EQ(ok({"--dns-server", "127.0.0.1", "x"}).dns_server, "127.0.0.1");
  EXPECT_EQ(ok({"--dns-server", "127.0.0.1:5353", "x"}).dns_server, "127.0.0.1:5353");
  EXPECT_EQ(ok({"--dns-server", "::1", "x"}).dns_server, "::1");
  EXPECT_EQ(ok({"--dns-server", "[::1]:5353", "x"}).dns_server, "[::1]:5353");
  Options two = ok({"--dns-server", "1.1.1.1", "--dns-server", "8.8.8.8", "x"});
  EXPECT_EQ(two.dns_server, "1.1.1.1");
  EXPECT_EQ(two.dns_servers, (std::vector<std::string>{"1.1.1.1", "8.8.8.8"}));
  bad({"--dns-server", "1.1.1.1", "--dns-server", "2.2.2.2", "--dns-server", "3.3.3.3", "x"},
      "more than twice");
  for (const char* v : {"", "dns.example", "1.2.3", "1.2.3.4:", "1.2.3.4:0", "1.2.3.4:65536",
                        "[::1]", "[::1]:", "[1.2.3.4]:53", "::1:53x"}) {
    bad({"--dns-server", v, "x"}, "--dns-server");
  }
  bad({"--dns-server"});
}

TEST(Options, TlsCaTakesANonEmptyPath) {
  EXPECT_EQ(ok({"--tls-ca", "ca.pem", "x"}).tls_ca, "ca.pem");
  bad({"--tls-ca", "", "x"});
  bad({"--tls-ca"});
}

TEST(Options, ShortAndLongFlagsSetTheirFieldAndTakeNoValue) {
  Options o = ok({"--strict", "--banner", "--scratch", "--quiet", "x"});
  EXPECT_TRUE(o.strict);
  EXPECT_TRUE(o.banner);
  EXPECT_TRUE(o.scratch);
  EXPECT_TRUE(o.quiet);
  EXPECT_TRUE(ok({"-q", "x"}).quiet);
  for (const char* f :
       {"--strict=1", "--banner=yes", "--scratch=", "--quiet=1", "--help=1", "--version=x"}) {
    bad({f, "x"}, "takes no value");
  }
}

TEST(Options, OnErrorTakesExitRestartOrContinue) {
  EXPECT_EQ(ok({"--on-error", "exit", "x"}).on_error, OnError::exit);
  EXPECT_EQ(ok({"--on-error", "restart", "x"}).on_error, OnError::restart);
  EXPECT_EQ(ok({"--on-error=continue", "x"}).on_error, OnError::cont);
  bad({"--on-error", "Exit", "x"}, "--on-error");
  bad({"--on-error", "", "x"});
  bad({"--on-error"});
}

TEST(Options, MaxRestartsTakesAPlainNonNegativeInteger) {
  EXPECT_EQ(ok({"--max-restarts", "0", "x"}).max_restarts, 0);
  EXPECT_EQ(ok({"--max-restarts", "3", "x"}).max_restarts, 3);
  for (const char* v : {"-1", "1.5", "", "x", "+3", " 3", "99999999999999999999"}) {
    bad({"--max-restarts", v, "x"}, "--max-restarts");
  }
  bad({"--max-restarts"});
}

TEST(Options, OnDsleepTakesWakeOrExit) {
  EXPECT_EQ(ok({"--on-dsleep", "wake", "x"}).on_dsleep, OnDsleep::wake);
  EXPECT_EQ(ok({"--on-dsleep", "exit", "x"}).on_dsleep, OnDsleep::exit);
  bad({"--on-dsleep", "sleep", "x"}, "--on-dsleep");
  bad({"--on-dsleep"});
}

TEST(Options, TimeoutTakesPositiveDecimalSecondsWithinRange) {
  EXPECT_DOUBLE_EQ(*ok({"--timeout", "30", "x"}).timeout, 30.0);
  EXPECT_DOUBLE_EQ(*ok({"--timeout", "0.25", "x"}).timeout, 0.25);
  EXPECT_DOUBLE_EQ(*ok({"--timeout=1e2", "x"}).timeout, 100.0);
  for (const char* v : {"0", "-1", "", "abc", "1s", "inf", "nan", " 1", "0x10", "1e10"}) {
    bad({"--timeout", v, "x"}, "--timeout");
  }
  bad({"--timeout"});
}

TEST(Options, RootAndLfsTakeNonEmptyPaths) {
  Options o = ok({"--root", "/tmp", "--lfs", "lfs", "x"});
  EXPECT_EQ(o.root, "/tmp");
  EXPECT_EQ(o.lfs, "lfs");
  bad({"--root", "", "x"});
  bad({"--lfs", "", "x"});
  bad({"--root"});
  bad({"--lfs"});
}

TEST(Options, HeapTakesDecimalOrHexBytesAndHeapScaleAPositiveFactor) {
  Options o = ok({"--heap", "20000", "--heap-scale", "0.5", "x"});
  EXPECT_EQ(*o.heap, 20000u);
  EXPECT_DOUBLE_EQ(*o.heap_scale, 0.5);
  EXPECT_EQ(*ok({"--heap", "0x1000", "x"}).heap, 4096u);
  // Decimal means decimal: no octal surprise.
  EXPECT_EQ(*ok({"--heap", "010", "x"}).heap, 10u);
  for (const char* v : {"0", "-5", "", "1.5", "2147483648", "lots", "0x"}) {
    bad({"--heap", v, "x"}, "--heap");
  }
  for (const char* v : {"0", "-1", "", "x", "inf"}) bad({"--heap-scale", v, "x"}, "--heap-scale");
  bad({"--heap"});
  bad({"--heap-scale"});
}

TEST(Options, IpTakesAnIpv4DottedQuad) {
  EXPECT_EQ(ok({"--ip", "192.168.1.7", "x"}).ip, "192.168.1.7");
  for (const char* v : {"", "192.168.1", "host", "::1", "1.2.3.256"}) bad({"--ip", v, "x"}, "--ip");
  bad({"--ip"});
}

TEST(Options, WifiTakesUpOrDownAndWifiDelayMilliseconds) {
  EXPECT_FALSE(ok({"--wifi", "down", "x"}).wifi_up);
  EXPECT_TRUE(ok({"--wifi", "up", "x"}).wifi_up);
  EXPECT_EQ(ok({"--wifi-delay", "250", "x"}).wifi_delay_ms, 250);
  bad({"--wifi", "off", "x"}, "--wifi");
  bad({"--wifi"});
  for (const char* v : {"-1", "", "1.5", "soon"}) bad({"--wifi-delay", v, "x"}, "--wifi-delay");
  bad({"--wifi-delay"});
}

TEST(Options, ChipidTakesA24BitDecimalOrHexNumber) {
  EXPECT_EQ(ok({"--chipid", "0xABCDEF", "x"}).chipid, 0xABCDEFu);
  EXPECT_EQ(ok({"--chipid", "42", "x"}).chipid, 42u);
  for (const char* v : {"0x1000000", "-1", "", "chip", "16777216"}) {
    bad({"--chipid", v, "x"}, "--chipid");
  }
  bad({"--chipid"});
}

TEST(Options, ModulesTakesACommaListOfKnownModules) {
  Options o = ok({"--modules", "tmr,node,file", "x"});
  ASSERT_TRUE(o.modules.has_value());
  EXPECT_EQ(*o.modules, (std::vector<std::string>{"tmr", "node", "file"}));
  bad({"--modules", "tmr,teleport", "x"}, "teleport");
  bad({"--modules"});
}

TEST(Options, NtestTakesAnAttachedPlainOrTapValue) {
  EXPECT_EQ(ok({"--ntest", "x"}).ntest, NtestMode::plain);
  EXPECT_EQ(ok({"--ntest=plain", "x"}).ntest, NtestMode::plain);
  EXPECT_EQ(ok({"--ntest=tap", "x"}).ntest, NtestMode::tap);
  bad({"--ntest=junit", "x"}, "--ntest");
  // The value is attached: `--ntest tap` is the option then the operand "tap".
  Options o = ok({"--ntest", "tap"});
  EXPECT_EQ(o.ntest, NtestMode::plain);
  EXPECT_EQ(o.operand, "tap");
}

TEST(Options, UptimeOffsetTakesNonNegativeSecondsWithinRange) {
  EXPECT_DOUBLE_EQ(ok({"--uptime-offset", "2147.4", "x"}).uptime_offset, 2147.4);
  for (const char* v : {"-1", "", "soon", "1e10"}) {
    bad({"--uptime-offset", v, "x"}, "--uptime-offset");
  }
  bad({"--uptime-offset"});
}

TEST(Options, ShortAndLongHelpAndVersionSetTheirField) {
  EXPECT_TRUE(ok({"-h"}).help);
  EXPECT_TRUE(ok({"--help"}).help);
  EXPECT_TRUE(ok({"--version"}).version);
}

TEST(Options, UnknownOptionsAreUsageErrors) {
  bad({"--frobnicate", "x"}, "unknown option '--frobnicate'");
  bad({"-x", "x"}, "unknown option '-x'");
  bad({"---", "x"});
}

TEST(Options, VersionTextHasTheSpecForm) {
  // §1.2: `nodemcu-host <ver> (Lua <release>; firmware API 3.0.0-release_20240225)`.
  std::string expected = std::string("nodemcu-host ") + NODEMCU_HOST_VERSION + " (Lua " +
                         LUA_VERSION_MAJOR "." LUA_VERSION_MINOR "." LUA_VERSION_RELEASE +
                         "; firmware API 3.0.0-release_20240225)\n";
  EXPECT_EQ(version_text(), expected);
}

TEST(Options, UsageTextNamesEveryOption) {
  std::string text = usage_text();
  for (const char* opt : {"-e CHUNK",        "-i ",
                          "--profile",       "--port-map DEV=HOST",
                          "--port-map auto", "--dns-server",
                          "--tls-ca",        "--strict",
                          "--on-error",      "--max-restarts",
                          "--on-dsleep",     "--timeout",
                          "--quiet",         "--banner",
                          "--root",          "--scratch",
                          "--lfs",           "--heap B",
                          "--heap-scale",    "--ip",
                          "--wifi up|down",  "--wifi-delay",
                          "--chipid",        "--modules",
                          "--ntest",         "--uptime-offset",
                          "--version",       "--help"}) {
    EXPECT_NE(text.find(opt), std::string::npos) << opt;
  }
}

// Every option parse_options accepts is documented in --help, and every
// option --help documents is accepted: the table and the text cannot drift.
TEST(Options, UsageTextAndOptionTableListTheSameOptions) {
  std::string text = usage_text();
  std::vector<std::string> names = option_names();
  for (const std::string& name : names) {
    bool listed = false;
    for (size_t at = text.find(name); at != std::string::npos && !listed;
         at = text.find(name, at + 1)) {
      size_t after = at + name.size();
      listed = at > 0 && text[at - 1] == ' ' && after < text.size() &&
               std::string(" ,[").find(text[after]) != std::string::npos;
    }
    EXPECT_TRUE(listed) << name << " is missing from --help";
  }
  // The option column: lines "  -e CHUNK ...", "  -q, --quiet ...", "  --ntest[=plain|tap] ...".
  size_t documented = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!line.starts_with("  -")) continue;
    for (size_t at = 2; at < line.size() && line[at] == '-';) {
      size_t stop = line.find_first_of(" ,[", at);
      std::string name = line.substr(at, stop - at);
      EXPECT_NE(std::find(names.begin(), names.end(), name), names.end())
          << name << " is in --help but not accepted";
      ++documented;
      at = line.compare(stop, 2, ", ") == 0 ? stop + 2 : line.size();
    }
  }
  EXPECT_EQ(documented, names.size());
}

}  // namespace
}  // namespace nmh
