#include "runtime/flash.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <utility>

namespace nmh::flash {

namespace {

constexpr std::string_view kFlashPrefix = "/FLASH/";
// Directory depth list() and format() descend to; a deeper tree is a hostile one.
constexpr int kMaxDepth = 64;

bool g_force_walk = false;

// An owned fd.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    if (this != &o) {
      reset();
      fd_ = std::exchange(o.fd_, -1);
    }
    return *this;
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }
  explicit operator bool() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// The fallback for kernels without openat2 (or a seccomp filter that hides
// it): one component at a time, never following a symlink, so a link is
// refused (EXDEV) even when it would stay beneath the root.
int open_walk(int root_fd, const std::string& relative, int flags, mode_t mode) {
  if (relative.empty() || relative.front() == '/') {
    errno = relative.empty() ? ENOENT : EXDEV;
    return -1;
  }
  auto parts = components(relative);
  Fd owned;
  int dir = root_fd;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string part(parts[i]);
    if (part == "..") {
      errno = EXDEV;
      return -1;
    }
    bool last = i + 1 == parts.size();
    int f = last ? flags | O_NOFOLLOW | O_CLOEXEC : O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    int fd = ::openat(dir, part.c_str(), f, mode);
    if (fd < 0) {
      int err = errno;
      struct stat st {};
      if ((err == ELOOP || err == ENOTDIR) &&
          ::fstatat(dir, part.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
        err = EXDEV;
      }
      errno = err;
      return -1;
    }
    if (last && (flags & O_PATH) != 0) {
      // O_PATH|O_NOFOLLOW opens a symlink itself instead of failing.
      struct stat st {};
      if (::fstat(fd, &st) == 0 && S_ISLNK(st.st_mode)) {
        ::close(fd);
        errno = EXDEV;
        return -1;
      }
    }
    if (last) return fd;
    owned = Fd(fd);
    dir = owned.get();
  }
  errno = ENOENT;
  return -1;
}

// The directory holding `relative` (the root itself for a top-level name),
// opened beneath the root; base receives the last component.
int open_parent(int root_fd, const std::string& relative, std::string& base, Fd& holder) {
  size_t slash = relative.rfind('/');
  if (slash == std::string::npos) {
    base = relative;
    return root_fd;
  }
  base = relative.substr(slash + 1);
  holder = Fd(open_beneath(root_fd, relative.substr(0, slash), O_PATH | O_DIRECTORY));
  return holder.get();
}

// Creates the directories leading to `relative`, each beneath the root.
bool make_parents(int root_fd, const std::string& relative) {
  size_t slash = relative.find('/');
  while (slash != std::string::npos) {
    std::string prefix = relative.substr(0, slash);
    std::string base;
    Fd holder;
    int parent = open_parent(root_fd, prefix, base, holder);
    if (parent < 0) return false;
    if (::mkdirat(parent, base.c_str(), 0755) != 0 && errno != EEXIST) return false;
    slash = relative.find('/', slash + 1);
  }
  return true;
}

Fault fault_of(int err) {
  switch (err) {
    case EXDEV:
    case ELOOP:
      return Fault::outside;
    case ENOENT:
    case ENOTDIR:
    case EISDIR:
    case ENXIO:
      return Fault::missing;
    default:
      return Fault::failed;
  }
}

// Resolves a flash name to a regular file beneath the root (O_PATH): the
// common first step of stat, remove and rename.
Fault resolve(int root_fd, std::string_view name, std::string& relative, uint64_t* size) {
  auto rel = relative_path(name);
  if (!rel) return Fault::unrepresentable;
  relative = std::move(*rel);
  Fd fd(open_beneath(root_fd, relative, O_PATH));
  if (!fd) return fault_of(errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return Fault::failed;
  if (!S_ISREG(st.st_mode)) return Fault::missing;
  if (size != nullptr) *size = static_cast<uint64_t>(st.st_size);
  return Fault::none;
}

void walk(int root_fd, int dir_fd, const std::string& prefix, int depth, std::vector<Entry>& out) {
  if (depth > kMaxDepth) return;
  int fd = ::dup(dir_fd);
  if (fd < 0) return;
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return;
  }
  ::rewinddir(dir);  // the dup shares its offset with dir_fd, which an earlier walk left at the end
  while (dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name.empty() || name.front() == '.') continue;
    struct stat st {};
    if (::fstatat(dir_fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    std::string path = prefix + std::string(name);
    if (S_ISDIR(st.st_mode)) {
      Fd sub(::openat(dir_fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (sub) walk(root_fd, sub.get(), path + "/", depth + 1, out);
    } else if (S_ISREG(st.st_mode)) {
      out.push_back({path, static_cast<uint64_t>(st.st_size)});
    } else if (S_ISLNK(st.st_mode)) {
      // A file symlink counts only when it resolves beneath the root.
      Fd target(open_beneath(root_fd, path, O_PATH));
      struct stat ts {};
      if (target && ::fstat(target.get(), &ts) == 0 && S_ISREG(ts.st_mode)) {
        out.push_back({path, static_cast<uint64_t>(ts.st_size)});
      }
    }
  }
  ::closedir(dir);
}

bool empty_dir(int dir_fd, int depth) {
  if (depth > kMaxDepth) return false;
  int fd = ::dup(dir_fd);
  if (fd < 0) return false;
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return false;
  }
  ::rewinddir(dir);
  bool ok = true;
  std::vector<std::string> names;
  while (dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  ::closedir(dir);
  for (const std::string& name : names) {
    struct stat st {};
    if (::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      Fd sub(::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (!sub || !empty_dir(sub.get(), depth + 1)) ok = false;
      if (::unlinkat(dir_fd, name.c_str(), AT_REMOVEDIR) != 0) ok = false;
    } else if (::unlinkat(dir_fd, name.c_str(), 0) != 0) {
      ok = false;
    }
  }
  return ok;
}

}  // namespace

bool base_name_valid(std::string_view name) {
  if (name.find('\0') != std::string_view::npos) return false;
  size_t slash = name.rfind('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return base.size() <= kNameMax;
}

bool whole_name_valid(std::string_view name) {
  return name.find('\0') == std::string_view::npos && name.size() <= kNameMax;
}

std::string_view name_problem(std::string_view name) {
  if (name.substr(0, kFlashPrefix.size()) == kFlashPrefix) name.remove_prefix(kFlashPrefix.size());
  if (name.empty()) return "is empty";
  if (name.find('\0') != std::string_view::npos) return "contains a NUL byte";
  // The device has one drive, /FLASH; any other absolute name finds nothing there.
  if (name.front() == '/') return "is absolute (only /FLASH/ names the flash)";
  for (std::string_view part : components(name)) {
    if (part.empty() || part == "." || part == "..") {
      return "has an empty, '.' or '..' component, which has no path beneath the flash root";
    }
  }
  return {};
}

std::optional<std::string> relative_path(std::string_view name) {
  if (!name_problem(name).empty()) return std::nullopt;
  if (name.substr(0, kFlashPrefix.size()) == kFlashPrefix) name.remove_prefix(kFlashPrefix.size());
  return std::string(name);
}

std::string reason(Fault fault, std::string_view name) {
  switch (fault) {
    case Fault::unrepresentable:
      return std::string(name_problem(name)) + "; it acts as missing";
    case Fault::outside:
      return "leads outside the flash root; it acts as missing";
    default:
      return {};
  }
}

int open_beneath(int root_fd, const std::string& relative, int flags, mode_t mode) {
  if (!g_force_walk) {
    open_how how{};
    how.flags = static_cast<uint64_t>(flags) | O_CLOEXEC;
    how.mode = (flags & O_CREAT) != 0 ? mode : 0;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    long fd = 0;
    do {
      fd = syscall(SYS_openat2, root_fd, relative.c_str(), &how, sizeof how);
    } while (fd < 0 && (errno == EAGAIN || errno == EINTR));
    if (fd >= 0 || (errno != ENOSYS && errno != EPERM)) return static_cast<int>(fd);
  }
  return open_walk(root_fd, relative, flags, (flags & O_CREAT) != 0 ? mode : 0);
}

Opened open_file(int root_fd, std::string_view name, int flags) {
  Opened out;
  auto rel = relative_path(name);
  if (!rel) {
    out.fault = Fault::unrepresentable;
    return out;
  }
  bool truncate = (flags & O_TRUNC) != 0;
  // O_NONBLOCK: a FIFO planted in the root must not block the runtime.
  int open_flags = (flags & ~O_TRUNC) | O_NONBLOCK | O_NOCTTY;
  Fd fd(open_beneath(root_fd, *rel, open_flags));
  if (!fd && errno == ENOENT && (flags & O_CREAT) != 0 && rel->find('/') != std::string::npos) {
    if (make_parents(root_fd, *rel)) fd = Fd(open_beneath(root_fd, *rel, open_flags));
  }
  if (!fd) {
    out.fault = fault_of(errno);
    return out;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    out.fault = Fault::missing;
    return out;
  }
  int fl = ::fcntl(fd.get(), F_GETFL);
  if (fl >= 0) ::fcntl(fd.get(), F_SETFL, fl & ~O_NONBLOCK);
  if (truncate) {
    out.truncated = static_cast<uint64_t>(st.st_size);
    if (::ftruncate(fd.get(), 0) != 0) {
      out.fault = Fault::failed;
      return out;
    }
  }
  // Append modes stand at the end right after opening (§4.3); Linux's O_APPEND
  // moves only at the first write.
  if ((flags & O_APPEND) != 0) ::lseek(fd.get(), 0, SEEK_END);
  out.fd = fd.release();
  return out;
}

Fault stat_file(int root_fd, std::string_view name, uint64_t& size) {
  std::string rel;
  return resolve(root_fd, name, rel, &size);
}

Fault remove_file(int root_fd, std::string_view name, uint64_t& size) {
  std::string rel;
  size = 0;
  Fault f = resolve(root_fd, name, rel, &size);
  if (f != Fault::none) return f;
  std::string base;
  Fd holder;
  int parent = open_parent(root_fd, rel, base, holder);
  if (parent < 0) return fault_of(errno);
  return ::unlinkat(parent, base.c_str(), 0) == 0 ? Fault::none : fault_of(errno);
}

Fault rename_file(int root_fd, std::string_view from, std::string_view to) {
  std::string from_rel;
  Fault f = resolve(root_fd, from, from_rel, nullptr);
  if (f != Fault::none) return f;
  auto to_rel = relative_path(to);
  if (!to_rel) return Fault::unrepresentable;
  if (to_rel->find('/') != std::string::npos && !make_parents(root_fd, *to_rel)) {
    return fault_of(errno);
  }
  std::string from_base;
  std::string to_base;
  Fd from_holder;
  Fd to_holder;
  int from_dir = open_parent(root_fd, from_rel, from_base, from_holder);
  if (from_dir < 0) return fault_of(errno);
  int to_dir = open_parent(root_fd, *to_rel, to_base, to_holder);
  if (to_dir < 0) return fault_of(errno);
  // SPIFFS never replaces on rename (§4.3): RENAME_NOREPLACE, or on file
  // systems without it, link + unlink (link never replaces either).
  if (::renameat2(from_dir, from_base.c_str(), to_dir, to_base.c_str(), RENAME_NOREPLACE) == 0) {
    return Fault::none;
  }
  if (errno == EINVAL || errno == ENOSYS) {
    if (::linkat(from_dir, from_base.c_str(), to_dir, to_base.c_str(), 0) == 0) {
      ::unlinkat(from_dir, from_base.c_str(), 0);
      return Fault::none;
    }
  }
  return errno == EEXIST ? Fault::exists : fault_of(errno);
}

std::vector<Entry> list(int root_fd) {
  std::vector<Entry> out;
  walk(root_fd, root_fd, "", 0, out);
  return out;
}

uint64_t used_bytes(int root_fd) {
  uint64_t used = 0;
  for (const Entry& e : list(root_fd)) used += page_rounded(e.size);
  return used;
}

bool format(int root_fd) {
  return empty_dir(root_fd, 0);
}

bool read_file(int root_fd, std::string_view name, std::string& out) {
  Opened opened = open_file(root_fd, name, O_RDONLY);
  if (opened.fd < 0) return false;
  Fd fd(opened.fd);
  out.clear();
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return true;
}

namespace testing {
void force_walk(bool on) {
  g_force_walk = on;
}
}  // namespace testing

}  // namespace nmh::flash
