// nodemcu-host: command line -> Options -> Device::run() -> exit status.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "runtime/device.hpp"
#include "runtime/diagnostics.hpp"
#include "runtime/options.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  nmh::ParseResult parsed = nmh::parse_options(args);
  nmh::Diagnostics usage(stderr, false);
  if (!parsed.error.empty()) {
    usage.report(nmh::diag::kUsage, {parsed.error});
    return 2;
  }
  const nmh::Options& options = parsed.options;
  if (options.help) {
    (void)std::fputs(nmh::usage_text().c_str(), stdout);
    return 0;
  }
  if (options.version) {
    (void)std::fputs(nmh::version_text().c_str(), stdout);
    return 0;
  }
  if (options.operand.empty() && options.chunks.empty() && !options.interactive) {
    usage.report(nmh::diag::kUsage, {"no SCRIPT, DIR, -e or -i given (see --help)"});
    return 2;
  }
  try {
    nmh::Device device(options);
    return device.run();
  } catch (const std::exception& e) {
    usage.report(nmh::diag::kInternal, {e.what()});
    return 70;
  }
}
