#include "modules/file/file_system.hpp"

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "lua/box.hpp"
#include "modules/file/file_object.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/flash.hpp"
#include "runtime/profile.hpp"

namespace nmh {

int FileSystem::root_fd() const {
  return boot_.device().root_fd();
}

void FileSystem::set_default(lua_State* L, int idx, File* file) {
  default_ = file;
  default_anchor_ = lua::Ref(L, idx);
}

void FileSystem::clear_default() {
  default_ = nullptr;
  default_anchor_.reset();
}

bool FileSystem::at_open_limit() const {
  size_t limit = boot_.profile().open_files;
  return limit != 0 && open_files_ >= limit;
}

void FileSystem::warn_open_limit(lua_State* L) {
  boot_.diagnostics().report(diag::kFiles, {std::to_string(boot_.profile().open_files)},
                             lua::where(L, 1));
}

void FileSystem::file_closed(File* file) {
  if (open_files_ > 0) --open_files_;
  if (default_ == file) clear_default();
}

uint64_t FileSystem::used() {
  if (!used_) used_ = flash::used_bytes(root_fd());
  return *used_;
}

uint64_t FileSystem::total() const {
  if (boot_.profile().fs_total != 0) return boot_.profile().fs_total;
  struct statvfs vfs {};
  if (::fstatvfs(root_fd(), &vfs) != 0) return 0;
  return static_cast<uint64_t>(vfs.f_blocks) * vfs.f_frsize;
}

bool FileSystem::admit_write(lua_State* L, const File& file, size_t len) {
  // The host profile's limit is the host disk: no accounting (§5.1).
  size_t limit = boot_.profile().fs_total;
  if (limit == 0 || len == 0) return true;
  struct stat st {};
  if (::fstat(file.fd(), &st) != 0) return true;  // the write itself will fail
  auto old_size = static_cast<uint64_t>(st.st_size);
  uint64_t pos = file.append() ? old_size : static_cast<uint64_t>(::lseek(file.fd(), 0, SEEK_CUR));
  uint64_t new_size = std::max(old_size, pos + len);
  uint64_t grow = flash::page_rounded(new_size) - flash::page_rounded(old_size);
  uint64_t now = used();
  if (now + grow > limit) {
    if (boot_.strict()) return false;
    boot_.diagnostics().report(diag::kFsFull, {std::to_string(now + grow), std::to_string(limit)},
                               lua::where(L, 1));
  }
  used_ = now + grow;
  return true;
}

void FileSystem::freed(uint64_t old_size) {
  if (!used_) return;
  uint64_t pages = flash::page_rounded(old_size);
  *used_ = *used_ > pages ? *used_ - pages : 0;
}

}  // namespace nmh
