// The flash root (runtime.md §4.3): SPIFFS names mapped to paths beneath one
// directory, never outside it.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

namespace nmh::flash {

// The path under the root that a flash name stands for: a leading "/FLASH/" is
// stripped; a name that is empty, absolute, or has an empty, "." or ".."
// component is not representable (nullopt).
std::optional<std::string> relative_path(std::string_view name);

// openat() beneath root_fd: no absolute path, no "..", no symlink out of the
// root (openat2 RESOLVE_BENEATH). Returns an fd or -1 with errno set.
int open_beneath(int root_fd, const std::string& relative, int flags, mode_t mode = 0644);

// Reads a whole flash file; false if it is missing or not representable.
bool read_file(int root_fd, std::string_view name, std::string& out);

}  // namespace nmh::flash
