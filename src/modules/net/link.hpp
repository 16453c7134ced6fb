// Link: the libuv TCP handle of one connection. It outlives its socket when
// needed (a graceful close still flushing, a script that dropped the socket)
// and frees itself when its handles are closed (design.md, object lifetime).
// It is not a Resource: its socket, or the NetContext once it is orphaned,
// reaches it at teardown, and it counts in the boot's live resources until
// freed. One lives per connection, so each byte counts (at most 0.5 KB
// per held connection, everything included: bench/README.md targets).
#pragma once

#include <uv.h>

#include <sys/socket.h>

#include <cstdint>
#include <string>

#include "runtime/pool.hpp"

namespace nmh::net {

class NetContext;
class TcpSocket;

class Link final {
 public:
  // family: AF_INET or AF_INET6 makes the OS socket now (options can be set
  // before connect); AF_UNSPEC leaves that to accept. Without an owner the
  // link starts orphaned.
  Link(NetContext& ctx, TcpSocket* owner, int family = AF_UNSPEC);
  ~Link();
  Link(const Link&) = delete;
  Link& operator=(const Link&) = delete;
  static void* operator new(size_t /*size*/) { return ObjectPool<Link>::get(); }
  static void operator delete(void* p) { ObjectPool<Link>::put(p); }
  int fd() const;

  uv_tcp_t* tcp() { return &tcp_; }
  uv_stream_t* stream() { return reinterpret_cast<uv_stream_t*>(&tcp_); }
  TcpSocket* owner() const { return owner_; }
  // The socket lets go; the link carries on closing by itself, listed with
  // the NetContext for teardown.
  void orphan();

  // The outcome, even a refusal the OS gives at once, arrives as
  // TcpSocket::on_connected on a later loop turn (net.md §4.1, §4.9.3).
  void connect(const sockaddr* addr, unsigned timeout_ms);
  // Hands data to the OS: what the socket takes now is written at once, the
  // rest is copied and queued (design.md hot path). Returns true if all of it
  // was taken immediately.
  bool write(const char* data, size_t len);
  void start_reading();
  void stop_reading();
  bool reading() const { return reading_; }

  // Queued data is still sent, then FIN (net.md §4.4, runtime.md §2.7).
  // patient: the script's own close, which waits for a slow reader as long as
  // it makes progress; otherwise (teardown) the flush is cut off after 1 s.
  void close_graceful(bool patient = false);
  // Reads and drops what the kernel has received and nobody read, so that
  // closing sends FIN rather than the RST Linux sends over unread data: the
  // device has consumed such bytes already (net.md §4.2, §4.4).
  void discard_input();
  // RST: a rebooting device vanishes without FIN (runtime.md §2.5).
  void abort();
  // Teardown (runtime.md §2.5, §2.7): FIN after a short flush, or RST.
  void shutdown(bool graceful);
  // The NetContext's list of orphans keeps the link's position there.
  static constexpr uint32_t kNoSlot = UINT32_MAX;
  uint32_t& orphan_slot() { return orphan_slot_; }
  bool orphaned() const { return orphan_slot_ != kNoSlot; }

 private:
  struct WriteReq {
    uv_write_t req;
    std::string data;
  };
  static void on_connect(uv_connect_t* req, int status);
  static void on_alloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void on_read(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void on_write(uv_write_t* req, int status);
  static void on_timeout(uv_timer_t* timer);
  static void on_closed(uv_handle_t* handle);
  // The timer (connect timeout, net.md §13; flush limits) is made on first
  // use: an accepted connection closed with nothing queued never needs one,
  // and every byte here is paid per held connection (at most 0.5 KB each,
  // bench/README.md targets).
  void start_timer(uint64_t ms);
  void note_write_error(int status);
  void close_handles();

  struct Timer {
    uv_timer_t handle{};
    size_t flush_queued = 0;  // write queue size at the last flush check
    int failed_status = 0;    // a connect the OS refused at once, reported by the timer
  };

  // The NetContext is the loop's (context.hpp), not a field: 8 bytes less per connection.
  NetContext& ctx() const;

  uv_tcp_t tcp_{};
  Timer* timer_ = nullptr;
  TcpSocket* owner_;
  uint32_t orphan_slot_ = kNoSlot;
  int16_t write_error_ = 0;  // the first failed write's libuv status, reported at EOF
  uint8_t open_handles_ = 1;
  bool reading_ = false;
  bool closing_ = false;
  bool patient_ = false;
};

}  // namespace nmh::net
