// nodemcu-host: command line -> Options -> Device::run() -> exit status.
#include <sys/mman.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "runtime/device.hpp"
#include "runtime/diagnostics.hpp"
#include "runtime/options.hpp"

// Every first touch of a page costs a fault, and on a paravirtualized host a
// fault costs 10-15 us, more than the work done on the page: an empty script
// took 70 faults. One madvise per region maps the pages in a single call
// instead (MADV_POPULATE_*, Linux 5.14; an older kernel refuses it and the
// pages fault in one by one as before). Startup: bench/README.md targets.

#ifdef NODEMCU_STATIC_ENTRY
// The static executable's entry point, ahead of glibc's _start: the C
// library's own start-up (IRELATIVE resolvers, tunables, TLS) touches code,
// constants and data spread over the whole image, so the image is mapped
// before any of it runs. Only madvise system calls are made; the registers
// _start reads are as the kernel left them (rdx is 0 for a static program).
extern "C" [[gnu::naked, gnu::used]] void nodemcu_static_entry() {
  asm("mov $28, %eax\n\t"                       // SYS_madvise
      "lea __executable_start(%rip), %rdi\n\t"  // from the ELF header
      "lea __init_array_start(%rip), %rsi\n\t"  // to the writable segment
      "and $-4096, %rsi\n\t"
      "sub %rdi, %rsi\n\t"
      "mov $22, %edx\n\t"  // MADV_POPULATE_READ: code and constants
      "syscall\n\t"
      // The writable segment is written by glibc's start-up on about half of
      // its pages, each a copy-on-write fault: copied in one call instead.
      "mov $28, %eax\n\t"
      "lea __init_array_start(%rip), %rdi\n\t"
      "and $-4096, %rdi\n\t"
      "lea _end(%rip), %rsi\n\t"
      "sub %rdi, %rsi\n\t"
      "mov $23, %edx\n\t"  // MADV_POPULATE_WRITE: data and bss
      "syscall\n\t"
      // The first 64 KB of stack below the arguments (option parsing and the
      // loop's event array reach that deep); inside the stack's initial
      // mapping, which the kernel makes 128 KB larger than the arguments.
      "mov $28, %eax\n\t"
      "mov %rsp, %rdi\n\t"
      "and $-4096, %rdi\n\t"
      "sub $65536, %rdi\n\t"
      "mov $65536, %esi\n\t"
      "mov $23, %edx\n\t"
      "syscall\n\t"
      "xor %edx, %edx\n\t"
      "jmp _start");
}
#endif

namespace {

// What a boot's Lua state and runtime objects take from the C heap before the
// script runs: a 64 KB slab of the Lua heap and about 20 KB of runtime
// objects. It must stay below glibc's 128 KB mmap threshold, or the block is
// mapped apart from the heap and unmapped at free().
constexpr size_t kStartHeap = size_t{96} * 1024;

// The block is freed to the top of the heap, where the boot's allocations are
// then carved; its pages stay, since free() trims the heap only past the
// 128 KB top pad.
void prefault_start_heap() {
  const uintptr_t page = 4096;
  void* block = std::malloc(kStartHeap);
  if (block == nullptr) return;
  auto first = (reinterpret_cast<uintptr_t>(block) + page - 1) & ~(page - 1);
  auto last = (reinterpret_cast<uintptr_t>(block) + kStartHeap) & ~(page - 1);
  // NOLINTNEXTLINE(performance-no-int-to-ptr): whole pages inside the block
  (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
  std::free(block);
}

}  // namespace

int main(int argc, char** argv) {
  prefault_start_heap();
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
