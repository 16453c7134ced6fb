#include "modules/net/errors.hpp"

#include <uv.h>

namespace nmh::net {

const char* err_message(int code) {
  switch (code) {
    case kMem:
      return "out of memory";
    case kBuf:
      return "buffer error";
    case kTimeout:
      return "timeout";
    case kRte:
      return "routing problem";
    case kInProgress:
      return "in progress";
    case kVal:
      return "illegal value";
    case kWouldBlock:
      return "would block";
    case kAbrt:
      return "connection aborted";
    case kRst:
      return "connection reset";
    case kClsd:
      return "connection closed";
    case kConn:
      return "not connected";
    case kArg:
      return "illegal argument";
    case kUse:
      return "address in use";
    case kIf:
      return "netif error";
    case kIsConn:
      return "already connected";
    default:
      return "unknown error";
  }
}

int err_from_uv(int uv_status, bool* noted) {
  if (noted != nullptr) *noted = false;
  switch (uv_status) {
    case 0:
    case UV_EOF:
      return kOk;
    case UV_ECONNREFUSED:
    case UV_ECONNRESET:
    case UV_EPIPE:
      return kRst;
    case UV_ETIMEDOUT:
    case UV_EHOSTUNREACH:
    case UV_ENETUNREACH:
    case UV_EHOSTDOWN:
    case UV_ENETDOWN:
    case UV_ECONNABORTED:
      return kAbrt;
    default:
      // Any other error on a live socket ends it as an abort, with a notice (§9.3).
      if (noted != nullptr) *noted = true;
      return kAbrt;
  }
}

}  // namespace nmh::net
