// lwIP error codes as the ESP8266 firmware numbers them, their messages, and
// the host's mapping from libuv/errno conditions (net.md §9).
#pragma once

namespace nmh::net {

enum Err : int {
  kOk = 0,
  kMem = -1,
  kBuf = -2,
  kTimeout = -3,
  kRte = -4,
  kInProgress = -5,
  kVal = -6,
  kWouldBlock = -7,
  kAbrt = -8,
  kRst = -9,
  kClsd = -10,
  kConn = -11,
  kArg = -12,
  kUse = -13,
  kIf = -14,
  kIsConn = -15,
};

// The message net.c raises for a code (net.md §9.1).
const char* err_message(int code);

// The code a connecting or connected socket reports for a libuv status
// (net.md §9.3). *noted is set when the errno is one the table does not name,
// so the caller can print its one-line notice.
int err_from_uv(int uv_status, bool* noted = nullptr);

}  // namespace nmh::net
