// Host paths and trees in plain POSIX calls: the flash set-up, --scratch and
// --lfs. std::filesystem would do the same, but linking it brings iostreams
// and locales into the static image, whose constructors and scattered code
// cost page faults at every start (startup: bench/README.md targets). The functions keep the
// results and error numbers std::filesystem gives for the same calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nmh::host_fs {

// dir/name, with no separator doubled (path::operator/).
std::string join(std::string_view dir, std::string_view name);

// The lexical normal form (path::lexically_normal): no "." or resolvable
// "..", single separators; "a/b/.." is "a/", an empty result is ".".
std::string normal(std::string_view path);

// path made absolute against the working directory (std::filesystem::absolute):
// unchanged if already absolute or if the working directory is unknown; empty
// stays empty.
std::string absolute(const std::string& path);

// The working directory, or "" when it cannot be named.
std::string current_directory();

// Whether path names (after symlinks) a directory or a regular file.
bool is_directory(const std::string& path);
bool is_regular_file(const std::string& path);

// The temporary directory (TMPDIR, TMP, TEMP, TEMPDIR, else /tmp), or "" if
// that is not a directory (std::filesystem::temp_directory_path).
std::string temp_directory();

// What copy_tree did not copy: the path of a failure, and the FIFOs,
// sockets and device files it left out.
struct CopyReport {
  std::string failed;
  std::vector<std::string> skipped;
};

// Copies the tree at from into the existing directory to, symlinks as
// symlinks, file modes kept (std::filesystem::copy with recursive and
// copy_symlinks), except that FIFOs, sockets and device files are left out
// and listed: none can be on the device's flash, and reading a FIFO to copy
// it would block. 0, or the errno of the first failure.
int copy_tree(const std::string& from, const std::string& to, CopyReport& report);

// Removes path and everything beneath it, never following a symlink; errors
// are ignored (a best-effort clean-up).
void remove_tree(const std::string& path);

}  // namespace nmh::host_fs
