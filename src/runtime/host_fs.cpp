#include "runtime/host_fs.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <memory>
#include <vector>

namespace nmh::host_fs {

namespace {

struct CloseDir {
  void operator()(DIR* d) const { (void)closedir(d); }
};
using Dir = std::unique_ptr<DIR, CloseDir>;

// Every entry of dir but "." and "..", in readdir order; 0 or an errno.
int list(const std::string& dir, std::vector<std::string>& names) {
  Dir d(opendir(dir.c_str()));
  if (!d) return errno;
  errno = 0;
  while (const dirent* e = readdir(d.get())) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
    errno = 0;
  }
  return errno;
}

int copy_file(const std::string& from, const std::string& to, const struct stat& from_st) {
  int in = open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return errno;
  int out = open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IWUSR);
  if (out < 0) {
    int e = errno;
    (void)close(in);
    return e;
  }
  int e = fchmod(out, from_st.st_mode) == 0 ? 0 : errno;
  while (e == 0) {
    ssize_t n = sendfile(out, in, nullptr, 1 << 30);
    if (n == 0) break;
    if (n < 0 && errno != EINTR) e = errno;
  }
  if (close(out) != 0 && e == 0) e = errno;
  (void)close(in);
  return e;
}

int copy_symlink(const std::string& from, const std::string& to) {
  std::string target(PATH_MAX, '\0');
  ssize_t n = readlink(from.c_str(), target.data(), target.size());
  if (n < 0) return errno;
  target.resize(static_cast<size_t>(n));
  return symlink(target.c_str(), to.c_str()) == 0 ? 0 : errno;
}

// One step of std::filesystem::copy(from, to, recursive | copy_symlinks), the
// same checks in the same order, so the same errno comes out; except that a
// source that is no file, directory or symlink is listed and left out.
int copy_entry(const std::string& from, const std::string& to, CopyReport& report) {
  auto other = [](const struct stat& st) {
    return !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode);
  };
  struct stat f {};
  struct stat t {};
  if (lstat(from.c_str(), &f) != 0) return errno;
  if (other(f)) {
    report.skipped.push_back(from);
    return 0;
  }
  bool to_exists = stat(to.c_str(), &t) == 0;
  if (!to_exists && errno != ENOENT && errno != ENOTDIR) return errno;
  if (to_exists && !other(t) && t.st_dev == f.st_dev && t.st_ino == f.st_ino) {
    return EEXIST;
  }
  if (to_exists && other(t)) return EINVAL;
  if (S_ISDIR(f.st_mode) && to_exists && S_ISREG(t.st_mode)) return EISDIR;
  if (S_ISLNK(f.st_mode)) return to_exists ? EINVAL : copy_symlink(from, to);
  if (S_ISREG(f.st_mode)) {
    if (to_exists && S_ISDIR(t.st_mode)) {
      return copy_file(from, join(to, from.substr(from.rfind('/') + 1)), f);
    }
    if (to_exists) return EEXIST;
    return copy_file(from, to, f);
  }
  if (!to_exists) {
    // The new directory takes the mode of the one copied (create_directory(to, from)).
    struct stat attributes {};
    if (stat(from.c_str(), &attributes) != 0) return errno;
    if (mkdir(to.c_str(), attributes.st_mode) != 0) {
      int e = errno;
      if (e != EEXIST || !is_directory(to)) return e;
    }
  }
  std::vector<std::string> names;
  if (int e = list(from, names); e != 0) return e;
  for (const std::string& name : names) {
    std::string path = join(from, name);
    if (int e = copy_entry(path, join(to, name), report); e != 0) {
      if (report.failed.empty()) report.failed = path;
      return e;
    }
  }
  return 0;
}

}  // namespace

std::string join(std::string_view dir, std::string_view name) {
  std::string out(dir);
  if (!out.empty() && out.back() != '/') out += '/';
  out += name;
  return out;
}

std::string normal(std::string_view path) {
  if (path.empty()) return {};
  bool rooted = path.front() == '/';
  std::vector<std::string_view> parts;
  // A path that ends in a directory keeps one trailing separator: "a/b/",
  // "a/b/." and "a/b/c/.." are all "a/b/" (but ".." stays "..").
  bool trailing = false;
  size_t pos = 0;
  while (pos < path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(pos, end - pos);
    pos = end + 1;
    if (part.empty()) continue;
    if (part == ".") {
      trailing = true;
    } else if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
        trailing = true;
      } else if (!rooted) {
        parts.push_back(part);
        trailing = false;
      }
    } else {
      parts.push_back(part);
      trailing = end < path.size();
    }
  }
  if (parts.empty() || parts.back() == "..") trailing = false;
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  if (trailing) out += '/';
  return out.empty() ? "." : out;
}

std::string current_directory() {
  char* cwd = getcwd(nullptr, 0);
  if (cwd == nullptr) return {};
  std::string out = cwd;
  std::free(cwd);
  return out;
}

std::string absolute(const std::string& path) {
  if (path.empty() || path.front() == '/') return path;
  return join(current_directory(), path);
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string temp_directory() {
  const char* dir = nullptr;
  for (const char* name : {"TMPDIR", "TMP", "TEMP", "TEMPDIR"}) {
    dir = secure_getenv(name);
    if (dir != nullptr) break;
  }
  std::string out = dir != nullptr ? dir : "/tmp";
  return is_directory(out) ? out : std::string();
}

int copy_tree(const std::string& from, const std::string& to, CopyReport& report) {
  int e = copy_entry(from, to, report);
  if (e != 0 && report.failed.empty()) report.failed = from;
  return e;
}

void remove_tree(const std::string& path) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    std::vector<std::string> names;
    (void)list(path, names);
    for (const std::string& name : names) remove_tree(join(path, name));
    (void)rmdir(path.c_str());
  } else {
    (void)unlink(path.c_str());
  }
}

}  // namespace nmh::host_fs
