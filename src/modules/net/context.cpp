#include "modules/net/context.hpp"

#include <algorithm>

#include "modules/net/link.hpp"
#include "modules/net/tcp_server.hpp"
#include "modules/net/tcp_socket.hpp"
#include "runtime/profile.hpp"

namespace nmh::net {

// Reaches the orphaned Links at teardown, then leaves the list so that the
// boot waits only for the Links themselves.
class NetContext::Keeper final : public Resource {
 public:
  Keeper(Boot& boot, NetContext& ctx) : Resource(boot), ctx_(ctx) {}
  void shutdown(bool graceful) override {
    ctx_.keeper_ = nullptr;
    ctx_.teardown_links(graceful);
    delete this;
  }

 private:
  NetContext& ctx_;
};

NetContext::NetContext(Boot& boot)
    : boot_(boot),
      buffer_size_(boot.profile().tcp_read),
      handles_(new Handles),
      // Made during teardown (past the boot's snapshot of its resources),
      // a keeper would never be shut down: orphans are then shut at once.
      keeper_(boot.halted() ? nullptr : new Keeper(boot, *this)),
      teardown_(boot.halted() ? Teardown::graceful : Teardown::none) {
  buffer_ = std::make_unique<char[]>(buffer_size_);
  boot.loop()->data = this;
  uv_idle_init(boot.loop(), &handles_->idle);
  uv_check_init(boot.loop(), &handles_->check);
  handles_->idle.data = this;
  handles_->check.data = this;
}

NetContext::~NetContext() {
  if (boot_.loop()->data == this) boot_.loop()->data = nullptr;
  delete keeper_;
  for (Resource* r : graveyard_) delete r;
  // The last close callback frees both handles. libuv runs close callbacks
  // in no promised order (1.44 runs the last closed first), so each one
  // counts: freeing with a given one let libuv read the other after free.
  handles_->idle.data = handles_;
  handles_->check.data = handles_;
  handles_->open = 2;
  auto closed = [](uv_handle_t* h) {
    auto* both = static_cast<Handles*>(h->data);
    if (--both->open == 0) delete both;
  };
  uv_close(reinterpret_cast<uv_handle_t*>(&handles_->idle), closed);
  uv_close(reinterpret_cast<uv_handle_t*>(&handles_->check), closed);
}

void NetContext::connection_down() {
  if (established_ > 0) --established_;
  // A slot opened: servers that deferred an accept take their connection
  // once the current events are done, as the device sees the client's next SYN only after
  // the closing connection's events (net.md §13). Never from inside __gc or
  // another socket's event.
  if (!deferred_.empty()) wake();
}

void NetContext::wake() {
  uv_check_start(&handles_->check, on_check);
  uv_idle_start(&handles_->idle, on_idle);
}

bool NetContext::accept_blocked() const {
  size_t limit = boot_.profile().tcp_established;
  return limit > 0 && established_ == limit;
}

void NetContext::defer_accept(TcpServer* server) {
  if (std::find(deferred_.begin(), deferred_.end(), server) == deferred_.end()) {
    deferred_.push_back(server);
  }
}

void NetContext::forget_server(TcpServer* server) {
  std::erase(deferred_, server);
  std::erase(servers_, server);
}

void NetContext::owe_sent(TcpSocket* socket) {
  owing_.push_back(socket);
  wake();
}

void NetContext::forget_socket(TcpSocket* socket) {
  std::replace(owing_.begin(), owing_.end(), socket, static_cast<TcpSocket*>(nullptr));
}

void NetContext::add_orphan(Link* link) {
  link->orphan_slot() = static_cast<uint32_t>(orphans_.size());
  orphans_.push_back(link);
  if (teardown_ != Teardown::none) link->shutdown(teardown_ == Teardown::graceful);
}

void NetContext::remove_orphan(Link* link) {
  // Swap with the last: O(1), and the moved link learns its new slot.
  uint32_t slot = link->orphan_slot();
  Link* last = orphans_.back();
  orphans_[slot] = last;
  last->orphan_slot() = slot;
  orphans_.pop_back();
  link->orphan_slot() = Link::kNoSlot;
}

void NetContext::teardown_links(bool graceful) {
  teardown_ = graceful ? Teardown::graceful : Teardown::abortive;
  std::vector<Link*> now = orphans_;  // none is freed before its close callback
  for (Link* link : now) link->shutdown(graceful);
}

void NetContext::bury(Resource* resource) {
  graveyard_.push_back(resource);
  wake();
}

void NetContext::on_check(uv_check_t* check) {
  static_cast<NetContext*>(check->data)->run_deferred();
}

void NetContext::on_idle(uv_idle_t* idle) {
  static_cast<NetContext*>(idle->data)->run_deferred();
}

bool NetContext::has_work() const {
  return !owing_.empty() || !graveyard_.empty() || (!deferred_.empty() && !accept_blocked());
}

void NetContext::run_deferred() {
  std::vector<Resource*> dead;
  dead.swap(graveyard_);
  for (Resource* r : dead) delete r;
  fire_owed_sent();
  while (!deferred_.empty() && !accept_blocked()) {
    TcpServer* server = deferred_.front();
    deferred_.erase(deferred_.begin());
    server->accept_deferred();
  }
  if (!has_work()) {
    uv_idle_stop(&handles_->idle);
    uv_check_stop(&handles_->check);
  }
}

void NetContext::fire_owed_sent() {
  if (firing_) return;
  firing_ = true;
  // Only the sockets listed now; those listed meanwhile wait for the next
  // turn. A callback may free a later socket: forget_socket then clears its
  // entry rather than moving the others.
  size_t n = owing_.size();
  for (size_t i = 0; i < n; ++i) {
    TcpSocket* socket = owing_[i];
    owing_[i] = nullptr;
    if (socket != nullptr) socket->fire_sent_events();
  }
  owing_.erase(owing_.begin(), owing_.begin() + static_cast<std::ptrdiff_t>(n));
  firing_ = false;
}

}  // namespace nmh::net
