// A file object (runtime.md §4.3): the C++ object owns the host fd; the Lua
// userdata holds only a pointer (design.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "lua/lua.hpp"
#include "runtime/resource.hpp"

namespace nmh {

class FileSystem;

class File final : public Resource {
 public:
  static constexpr const char* kMetatable = "file.obj";

  File(Boot& boot, FileSystem& fs, int fd, bool writable, bool append);

  bool is_open() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  bool writable() const { return writable_; }
  bool append() const { return append_; }

  // The firmware's file_g_read: up to max bytes, through the delimiter byte if
  // one is given (delimiter < 0: none). Pushes the bytes, or nil when the
  // first read finds nothing (EOF or error); max <= 0 pushes "".
  void read(lua_State* L, int64_t max, int delimiter);
  // Writes bytes then tail as one record: every byte, or, on failure (a full
  // disk), none, with the size and the position as they were.
  bool write(std::string_view bytes, std::string_view tail = {});
  // SPIFFS seek semantics: the new position, or nullopt for a position before
  // the start (unchanged) or past the end (left at the end).
  std::optional<int64_t> seek(int whence, int64_t offset);

  // Closes the fd; the object stays and raises "open a file first" from now on.
  void close();
  // __gc and teardown: close and free the object.
  void detach();
  void shutdown(bool /*graceful*/) override { detach(); }

 private:
  FileSystem& fs_;
  int fd_;
  bool writable_;
  bool append_;
};

}  // namespace nmh
