#include "runtime/flash.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace nmh::flash {

std::optional<std::string> relative_path(std::string_view name) {
  constexpr std::string_view kFlashPrefix = "/FLASH/";
  if (name.substr(0, kFlashPrefix.size()) == kFlashPrefix) name.remove_prefix(kFlashPrefix.size());
  if (name.empty() || name.front() == '/') return std::nullopt;
  if (name.find('\0') != std::string_view::npos) return std::nullopt;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    if (slash == std::string_view::npos) slash = name.size();
    std::string_view part = name.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return std::nullopt;
    start = slash + 1;
  }
  return std::string(name);
}

int open_beneath(int root_fd, const std::string& relative, int flags, mode_t mode) {
  open_how how{};
  how.flags = static_cast<uint64_t>(flags) | O_CLOEXEC;
  how.mode = (flags & O_CREAT) != 0 ? mode : 0;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  long fd = 0;
  do {
    fd = syscall(SYS_openat2, root_fd, relative.c_str(), &how, sizeof how);
  } while (fd < 0 && errno == EAGAIN);
  return static_cast<int>(fd);
}

bool read_file(int root_fd, std::string_view name, std::string& out) {
  auto rel = relative_path(name);
  if (!rel) return false;
  int fd = open_beneath(root_fd, *rel, O_RDONLY);
  if (fd < 0) return false;
  out.clear();
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

}  // namespace nmh::flash
