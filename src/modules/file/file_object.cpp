#include "modules/file/file_object.hpp"

#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "modules/file/file_system.hpp"

namespace nmh {

namespace {
// Bytes fetched per read(2); only the result's size is part of the contract.
constexpr int64_t kReadChunk = 16384;
}  // namespace

File::File(Boot& boot, FileSystem& fs, int fd, bool writable, bool append)
    : Resource(boot), fs_(fs), fd_(fd), writable_(writable), append_(append) {
  fs_.file_opened();
}

void File::read(lua_State* L, int64_t max, int delimiter) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  int64_t total = 0;
  while (total < max) {
    auto want = static_cast<size_t>(std::min(kReadChunk, max - total));
    char* p = luaL_prepbuffsize(&b, want);
    ssize_t got = ::read(fd_, p, want);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      if (total == 0) {
        lua_pushnil(L);
        return;
      }
      break;
    }
    if (delimiter >= 0) {
      auto* hit = static_cast<char*>(std::memchr(p, delimiter, static_cast<size_t>(got)));
      if (hit != nullptr) {
        // Through the delimiter; the rest is read again next time.
        ssize_t keep = hit - p + 1;
        luaL_addsize(&b, static_cast<size_t>(keep));
        ::lseek(fd_, keep - got, SEEK_CUR);
        break;
      }
    }
    luaL_addsize(&b, static_cast<size_t>(got));
    total += got;
    if (static_cast<size_t>(got) < want) break;
  }
  luaL_pushresult(&b);
}

bool File::write(std::string_view bytes, std::string_view tail) {
  // write(2) of nothing to a read-only fd succeeds; SPIFFS refuses any write then.
  if (!writable_) return false;
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return false;
  off_t size = st.st_size;
  off_t pos = ::lseek(fd_, 0, SEEK_CUR);
  off_t start = append_ ? size : pos;
  // What the write would overwrite, to put back if it fails (never with
  // O_APPEND, where pwrite would append).
  std::string saved;
  if (start >= 0 && start < size) {
    saved.resize(std::min(static_cast<size_t>(size - start), bytes.size() + tail.size()));
    ssize_t got = ::pread(fd_, saved.data(), saved.size(), start);
    saved.resize(got > 0 ? static_cast<size_t>(got) : 0);
  }
  iovec iov[2] = {{const_cast<char*>(bytes.data()), bytes.size()},
                  {const_cast<char*>(tail.data()), tail.size()}};
  int first = 0;
  while (first < 2) {
    ssize_t n = ::writev(fd_, iov + first, 2 - first);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || (n == 0 && iov[first].iov_len + iov[1].iov_len > 0)) {
      // A full disk takes part of a record (runtime.md §5.4: all or
      // nothing): the file and the position go back to where they were.
      if (!saved.empty()) (void)::pwrite(fd_, saved.data(), saved.size(), start);
      (void)::ftruncate(fd_, size);
      (void)::lseek(fd_, pos, SEEK_SET);
      return false;
    }
    auto done = static_cast<size_t>(n);
    while (first < 2 && done >= iov[first].iov_len) {
      done -= iov[first].iov_len;
      ++first;
    }
    if (first < 2) {
      iov[first].iov_base = static_cast<char*>(iov[first].iov_base) + done;
      iov[first].iov_len -= done;
    }
  }
  return true;
}

std::optional<int64_t> File::seek(int whence, int64_t offset) {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return std::nullopt;
  int64_t size = st.st_size;
  int64_t base = 0;
  if (whence == SEEK_CUR) base = ::lseek(fd_, 0, SEEK_CUR);
  if (whence == SEEK_END) base = size;
  int64_t target = base + offset;
  if (target < 0) return std::nullopt;
  if (target > size) {
    // SPIFFS_lseek past the end: error, and the position is left at the end.
    ::lseek(fd_, 0, SEEK_END);
    return std::nullopt;
  }
  if (::lseek(fd_, target, SEEK_SET) < 0) return std::nullopt;
  return target;
}

void File::close() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
  fs_.file_closed(this);
}

void File::detach() {
  close();
  delete this;
}

}  // namespace nmh
