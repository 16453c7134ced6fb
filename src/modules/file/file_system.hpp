// The file module's per-boot state (runtime.md §4.3): the default file, the
// open-file count and the capacity accounting of the profile's limits (§5.1,
// §5.4). It lives in a userdata that the registry and every file function
// hold, so it outlives every file object of the boot.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "lua/ref.hpp"
#include "runtime/diagnostics.hpp"

namespace nmh {

class Boot;
class File;

namespace diag {
inline constexpr Code kFiles{"W-FILES", Level::warning,
                             "more than {} files open at once: the device's file.open returns nil "
                             "here (close files you are done with)"};
inline constexpr Code kFsFull{"W-FSFULL", Level::warning,
                              "flash file system full ({} of {} bytes used): the device's write "
                              "returns nil here and writes nothing"};
}  // namespace diag

class FileSystem {
 public:
  static constexpr const char* kMetatable = "file.system";

  explicit FileSystem(Boot& boot) : boot_(boot) {}

  Boot& boot() const { return boot_; }
  int root_fd() const;

  // The default file that module forms (file.read ...) act on: the last opened.
  File* default_file() const { return default_; }
  // Makes the file whose userdata is at idx the default and anchors it, as the
  // firmware's registry reference does.
  void set_default(lua_State* L, int idx, File* file);
  // Every file.open drops the previous default (success or not), so a file
  // the script does not keep may be collected.
  void clear_default();

  // Open-file limit (§5.1, §5.4): whether an open now exceeds the profile's
  // limit. Under --strict such an open fails before it touches the file, as
  // SPIFFS runs out of descriptors first; otherwise it succeeds with W-FILES.
  bool at_open_limit() const;
  void warn_open_limit(lua_State* L);
  void file_opened() { ++open_files_; }
  // A file's fd closed: it no longer counts, and it is no longer the default.
  void file_closed(File* file);

  // Capacity (§5.1, §5.4): whether `len` bytes may be written to file now.
  // Warns W-FSFULL past the profile's total, or refuses under --strict.
  bool admit_write(lua_State* L, const File& file, size_t len);
  // Bookkeeping for changes that free pages.
  void freed(uint64_t old_size);
  void formatted() { used_ = 0; }
  // A write that did not happen as admitted: count again from the files.
  void forget_used() { used_.reset(); }

  // fsinfo (§5.1): used is the files' page-rounded sizes; total the profile's
  // figure or, under the host profile, the size of the host disk.
  uint64_t used();
  uint64_t total() const;

  void set_rtc_callback(lua::Ref fn) { rtc_callback_ = std::move(fn); }

 private:
  Boot& boot_;
  File* default_ = nullptr;
  lua::Ref default_anchor_;
  size_t open_files_ = 0;
  std::optional<uint64_t> used_;  // computed once per boot, then kept up to date
  lua::Ref rtc_callback_;         // file.on("rtc"): stored, never called (§4.3)
};

}  // namespace nmh
