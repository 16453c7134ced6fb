// The flash root (runtime.md §4.3): SPIFFS names mapped to paths beneath one
// directory, never outside it. Every lookup resolves from the root's fd with
// openat2 RESOLVE_BENEATH (or, where the kernel lacks openat2, a walk that
// follows no symlink at all), so neither "..", an absolute name nor a symlink
// can reach a file outside the root.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/diagnostics.hpp"

namespace nmh::flash {

// SPIFFS object names hold at most 31 bytes (the firmware's FS_OBJ_NAME_LEN).
inline constexpr size_t kNameMax = 31;
// SPIFFS allocates in 256-byte pages; fsinfo's `used` rounds each file up (§5.1).
inline constexpr uint64_t kPageSize = 256;

// runtime.md §5.5: a name the device accepts but the host cannot map beneath
// the root (or a host file the device could not hold).
inline constexpr Code kName{"W-NAME", Level::warning, "flash name \"{}\" {}"};

// The device's `(filename invalid)` check of file.open, exists, remove, rename,
// getcontents, putcontents and node.compile: the base name (after the last
// '/') holds at most 31 bytes and the name no NUL (§4.3).
bool base_name_valid(std::string_view name);
// file.stat's stricter check: the whole name holds at most 31 bytes, no NUL.
bool whole_name_valid(std::string_view name);

// Why a flash name has no path beneath the root ("" when it has one): empty,
// absolute other than "/FLASH/", NUL, or an empty, "." or ".." component.
std::string_view name_problem(std::string_view name);

// The path under the root that a flash name stands for: a leading "/FLASH/" is
// stripped; a name that is empty, absolute, or has an empty, "." or ".."
// component is not representable (nullopt).
std::optional<std::string> relative_path(std::string_view name);

// openat() beneath root_fd: no absolute path, no "..", no symlink out of the
// root (openat2 RESOLVE_BENEATH). Returns an fd or -1 with errno set; EXDEV
// means the path would leave the root.
int open_beneath(int root_fd, const std::string& relative, int flags, mode_t mode = 0644);

// What stands between a flash name and a regular file beneath the root.
enum class Fault {
  none,
  missing,          // no such regular file (directories, FIFOs and devices count as missing)
  unrepresentable,  // name_problem() is not empty: W-NAME, acts as missing
  outside,          // resolution would leave the root (symlink, ".."): W-NAME, acts as missing
  exists,           // rename: the new name is taken
  failed,           // any other host error
};

// The W-NAME reason for a fault (with name_problem() for unrepresentable
// names); empty for faults that are not about the name.
std::string reason(Fault fault, std::string_view name);

struct Opened {
  int fd = -1;
  Fault fault = Fault::none;
  uint64_t truncated = 0;  // with O_TRUNC: the size the file had
};

// Opens the regular flash file `name`. O_TRUNC is applied only once the file is
// known to be regular; with O_CREAT the missing directories of the name are
// created ("a/b.txt", §4.3). O_APPEND files are positioned at their end.
Opened open_file(int root_fd, std::string_view name, int flags);

// Size of the regular flash file `name`.
Fault stat_file(int root_fd, std::string_view name, uint64_t& size);

// Removes the flash file `name` (a symlink is removed, never its target).
// size: what the file held, for capacity accounting.
Fault remove_file(int root_fd, std::string_view name, uint64_t& size);

// Renames without ever replacing (RENAME_NOREPLACE): Fault::exists if `to` is taken.
Fault rename_file(int root_fd, std::string_view from, std::string_view to);

struct Entry {
  std::string name;  // flash name, '/' between directories
  uint64_t size;
};

// Every regular file beneath the root, recursively, skipping names that start
// with '.' (§4.3). Directory symlinks are not followed; file symlinks count
// only when they resolve beneath the root.
std::vector<Entry> list(int root_fd);

// A size rounded up to whole SPIFFS pages.
constexpr uint64_t page_rounded(uint64_t size) {
  return (size + kPageSize - 1) / kPageSize * kPageSize;
}
// fsinfo's `used`: the listed files, each rounded up to pages (§5.1).
uint64_t used_bytes(int root_fd);

// Removes everything beneath the root (file.format under --scratch).
bool format(int root_fd);

// Reads a whole regular flash file; false if it is missing or not representable.
bool read_file(int root_fd, std::string_view name, std::string& out);

namespace testing {
// Makes open_beneath use its O_NOFOLLOW walk, as on kernels without openat2.
void force_walk(bool on);
}  // namespace testing

}  // namespace nmh::flash
