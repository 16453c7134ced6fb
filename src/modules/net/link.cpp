#include "modules/net/link.hpp"

#include "modules/net/context.hpp"
#include "modules/net/sockopt.hpp"
#include "modules/net/tcp_socket.hpp"

namespace nmh::net {

namespace {
// A graceful teardown gives queued data this long to leave before RST, so a
// peer that never reads cannot hold up a shutdown (runtime.md §2.7).
constexpr uint64_t kFlushLimitMs = 1000;
// A script's close() flushes everything queued (net.md §4.4) however slowly
// the peer reads; only a peer that takes nothing for this long is reset, as
// the device's retransmissions would give up (TCP_MAXRTX, net.md §9.2).
constexpr uint64_t kFlushStallMs = 20000;
}  // namespace

Link::Link(NetContext& ctx, TcpSocket* owner, int family) : owner_(owner) {
  uv_loop_t* loop = ctx.boot().loop();
  // Without a socket (EMFILE...) the handle is still made; connect then
  // fails and reports it as an event.
  if (uv_tcp_init_ex(loop, &tcp_, static_cast<unsigned>(family)) != 0) {
    uv_tcp_init(loop, &tcp_);
  }
  tcp_.data = this;
  ctx.link_opened();
  if (owner == nullptr) ctx.add_orphan(this);
}

NetContext& Link::ctx() const {
  return NetContext::of_loop(tcp_.loop);
}

Link::~Link() {
  if (orphaned()) ctx().remove_orphan(this);
  ctx().link_freed();
}

void Link::orphan() {
  if (orphaned()) return;  // listed already (its owner_ is null since)
  owner_ = nullptr;
  ctx().add_orphan(this);
}

void Link::start_timer(uint64_t ms) {
  if (timer_ == nullptr) {
    timer_ = new Timer;
    uv_timer_init(tcp_.loop, &timer_->handle);
    timer_->handle.data = this;
    ++open_handles_;
  }
  uv_timer_start(&timer_->handle, on_timeout, ms, 0);
}

int Link::fd() const {
  uv_os_fd_t fd = -1;
  uv_fileno(reinterpret_cast<const uv_handle_t*>(&tcp_), &fd);
  return fd;
}

void Link::connect(const sockaddr* addr, unsigned timeout_ms) {
  auto* req = new uv_connect_t;
  req->data = this;
  int rc = uv_tcp_connect(req, &tcp_, addr, on_connect);
  if (rc != 0) {
    delete req;
    // Refused at once (ENETUNREACH...): still an event on a later loop turn,
    // never inside connect() (net.md §4.1, §4.9.3).
    start_timer(0);
    timer_->failed_status = rc;
    return;
  }
  if (timeout_ms > 0) start_timer(timeout_ms);
}

void Link::on_timeout(uv_timer_t* timer) {
  auto* self = static_cast<Link*>(timer->data);
  if (self->closing_) {
    size_t queued = uv_stream_get_write_queue_size(self->stream());
    if (self->patient_ && queued > 0 && queued < self->timer_->flush_queued) {
      self->timer_->flush_queued = queued;  // the peer is still reading: wait on
      self->start_timer(kFlushStallMs);
      return;
    }
    self->abort();  // the graceful flush ran out of time
    return;
  }
  // The device gives up after 6 SYN retransmissions (net.md §4.1, §13).
  TcpSocket* owner = self->owner_;
  int failed = self->timer_->failed_status;
  int status = failed != 0 ? failed : UV_ETIMEDOUT;
  self->abort();
  if (owner != nullptr) owner->on_connected(status);
}

void Link::on_connect(uv_connect_t* req, int status) {
  auto* self = static_cast<Link*>(req->data);
  delete req;  // libuv calls back exactly once, with UV_ECANCELED when the handle closed first
  if (status == UV_ECANCELED || self->closing_) return;
  if (self->timer_ != nullptr) uv_timer_stop(&self->timer_->handle);
  if (self->owner_ != nullptr) self->owner_->on_connected(status);
}

bool Link::write(const char* data, size_t len) {
  if (closing_) return false;
  uv_buf_t buf = uv_buf_init(const_cast<char*>(data), static_cast<unsigned>(len));
  int n = uv_try_write(stream(), &buf, 1);
  if (n == static_cast<int>(len)) return true;
  if (n < 0 && n != UV_EAGAIN) {
    note_write_error(n);  // the read side reports the failure
    return false;
  }
  size_t done = n > 0 ? static_cast<size_t>(n) : 0;
  auto* w = new WriteReq;
  w->data.assign(data + done, len - done);
  w->req.data = this;
  uv_buf_t rest = uv_buf_init(w->data.data(), static_cast<unsigned>(w->data.size()));
  int rc = uv_write(&w->req, stream(), &rest, 1, on_write);
  if (rc != 0) {
    delete w;
    note_write_error(rc);
    return false;
  }
  return false;
}

void Link::note_write_error(int status) {
  if (status != UV_ECANCELED && write_error_ == 0) write_error_ = static_cast<int16_t>(status);
}

void Link::on_write(uv_write_t* req, int status) {
  auto* w = reinterpret_cast<WriteReq*>(req);
  auto* self = static_cast<Link*>(req->data);
  delete w;
  if (status != 0) {
    self->note_write_error(status);
    return;
  }
  if (self->owner_ != nullptr) self->owner_->on_written();
}

void Link::on_alloc(uv_handle_t* handle, size_t /*suggested*/, uv_buf_t* buf) {
  auto* self = static_cast<Link*>(handle->data);
  NetContext& ctx = self->ctx();
  *buf = uv_buf_init(ctx.read_buffer(), static_cast<unsigned>(ctx.read_buffer_size()));
}

void Link::on_read(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* self = static_cast<Link*>(stream->data);
  if (nread == 0 || self->owner_ == nullptr) return;
  if (nread > 0) {
    self->owner_->on_data(buf->base, static_cast<size_t>(nread));
  } else {
    int status = static_cast<int>(nread);
    if (status == UV_EOF) {
      // libuv reports EOF on POLLHUP after a short read without reading the
      // socket's error; a peer's RST (net.md §9.3: -9, not 0) is still
      // pending there.
      // A write that met the RST first took the error from the socket
      // (ECONNRESET, EPIPE) and left a plain EOF for the read: the error
      // kept from it is the one to report.
      int err = pending_error(self->fd());
      if (err != 0) {
        status = uv_translate_sys_error(err);
      } else if (self->write_error_ != 0) {
        status = self->write_error_;
      }
    }
    self->stop_reading();
    self->owner_->on_end(status);
  }
}

void Link::start_reading() {
  if (reading_ || closing_) return;
  if (uv_read_start(stream(), on_alloc, on_read) == 0) reading_ = true;
}

void Link::stop_reading() {
  if (!reading_) return;
  uv_read_stop(stream());
  reading_ = false;
}

void Link::discard_input() {
  int fd = this->fd();
  if (fd < 0) return;
  NetContext& ctx = this->ctx();
  // Bounded: what the kernel holds now, not a peer that keeps sending.
  for (int i = 0; i < 64; ++i) {
    ssize_t n = recv(fd, ctx.read_buffer(), ctx.read_buffer_size(), MSG_DONTWAIT);
    if (n <= 0) break;
  }
}

void Link::close_graceful(bool patient) {
  if (closing_) {
    // A teardown during a script's patient flush: 1 s from now, then RST.
    auto* timer = timer_ != nullptr ? reinterpret_cast<uv_handle_t*>(&timer_->handle) : nullptr;
    if (patient_ && !patient && timer != nullptr && uv_is_closing(timer) == 0) {
      patient_ = false;
      start_timer(kFlushLimitMs);
    }
    return;
  }
  closing_ = true;
  patient_ = patient;
  size_t queued = uv_stream_get_write_queue_size(stream());
  stop_reading();
  if (timer_ != nullptr) uv_timer_stop(&timer_->handle);
  if (queued == 0) {
    // Everything is with the kernel already, which still delivers it after
    // close() and then sends FIN: no shutdown() or flush timer needed (one
    // system call per connection instead of three).
    close_handles();
    return;
  }
  auto* req = new uv_shutdown_t;
  req->data = this;
  int rc = uv_shutdown(req, stream(), [](uv_shutdown_t* r, int /*status*/) {
    auto* link = static_cast<Link*>(r->data);
    delete r;  // called exactly once, with UV_ECANCELED if the handle closed first
    link->close_handles();
  });
  if (rc != 0) {
    delete req;
    close_handles();
    return;
  }
  start_timer(patient ? kFlushStallMs : kFlushLimitMs);
  timer_->flush_queued = queued;
}

void Link::abort() {
  closing_ = true;
  stop_reading();
  if (timer_ != nullptr) uv_timer_stop(&timer_->handle);
  auto* tcp = reinterpret_cast<uv_handle_t*>(&tcp_);
  if (uv_is_closing(tcp) == 0) {
    // RST rather than FIN, also while a shutdown is pending (which makes
    // uv_tcp_close_reset refuse): otherwise the kernel would go on flushing
    // the send buffer of the closed socket on its own.
    int fd = this->fd();
    if (fd >= 0) set_reset_on_close(fd);
    uv_close(tcp, on_closed);
  }
  close_handles();
}

void Link::on_closed(uv_handle_t* handle) {
  auto* self = static_cast<Link*>(handle->data);
  if (self->timer_ != nullptr && handle == reinterpret_cast<uv_handle_t*>(&self->timer_->handle)) {
    delete self->timer_;
    self->timer_ = nullptr;
  }
  if (--self->open_handles_ == 0) delete self;
}

void Link::close_handles() {
  auto* tcp = reinterpret_cast<uv_handle_t*>(&tcp_);
  auto* timer = timer_ != nullptr ? reinterpret_cast<uv_handle_t*>(&timer_->handle) : nullptr;
  if (uv_is_closing(tcp) == 0) uv_close(tcp, on_closed);
  if (timer != nullptr && uv_is_closing(timer) == 0) uv_close(timer, on_closed);
}

void Link::shutdown(bool graceful) {
  if (graceful) {
    close_graceful();
  } else {
    abort();
  }
}

}  // namespace nmh::net
