#include "modules/net/context.hpp"

#include <algorithm>

#include "modules/net/net_object.hpp"
#include "modules/net/socket_common.hpp"
#include "modules/net/tcp_server.hpp"
#include "modules/net/tcp_socket.hpp"
#include "runtime/profile.hpp"

namespace nmh::net {

NetContext::NetContext(Boot& boot)
    : boot_(boot), buffer_size_(boot.profile().tcp_read), idle_(new uv_idle_t) {
  buffer_ = std::make_unique<char[]>(buffer_size_);
  uv_idle_init(boot.loop(), idle_);
  idle_->data = this;
}

NetContext::~NetContext() {
  for (Resource* r : graveyard_) delete r;
  uv_close(reinterpret_cast<uv_handle_t*>(idle_),
           [](uv_handle_t* h) { delete reinterpret_cast<uv_idle_t*>(h); });
}

void NetContext::connection_down() {
  if (established_ > 0) --established_;
  // A slot opened: servers that deferred an accept take their connection on
  // the next loop turn, as the device sees the client's next SYN only after
  // the closing connection's events (net.md §13). Never from inside __gc or
  // another socket's event.
  if (!deferred_.empty()) wake();
}

void NetContext::wake() {
  if (uv_is_active(reinterpret_cast<uv_handle_t*>(idle_)) == 0) uv_idle_start(idle_, on_idle);
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
  if (std::find(owing_.begin(), owing_.end(), socket) == owing_.end()) owing_.push_back(socket);
  wake();
}

void NetContext::forget_socket(TcpSocket* socket) {
  std::erase(owing_, socket);
}

void NetContext::bury(Resource* resource) {
  graveyard_.push_back(resource);
  wake();
}

void NetContext::on_idle(uv_idle_t* idle) {
  auto* self = static_cast<NetContext*>(idle->data);
  std::vector<Resource*> dead;
  dead.swap(self->graveyard_);
  for (Resource* r : dead) delete r;
  // Pop one at a time: a callback may free a later socket, which then leaves
  // owing_ through forget_socket. Sockets added meanwhile wait for the next turn.
  for (size_t n = self->owing_.size(); n > 0 && !self->owing_.empty(); --n) {
    TcpSocket* socket = self->owing_.front();
    self->owing_.erase(self->owing_.begin());
    socket->fire_sent_events();
  }
  while (!self->deferred_.empty() && !self->accept_blocked()) {
    TcpServer* server = self->deferred_.front();
    self->deferred_.erase(self->deferred_.begin());
    server->accept_deferred();
  }
  bool deferred_ready = !self->deferred_.empty() && !self->accept_blocked();
  if (self->owing_.empty() && self->graveyard_.empty() && !deferred_ready) uv_idle_stop(idle);
}

void NetObject::release_lua() {
  anchor_.reset();
  if (box_ != nullptr) *box_ = nullptr;
  box_ = nullptr;
  if (!buried_) {
    buried_ = true;
    NetContext::of(boot()).bury(this);
  }
}

void NetObject::set_anchor(lua_State* L, bool active, int self_idx) {
  if (active && !anchor_ && self_idx != 0) {
    anchor_ = lua::Ref(L, self_idx);
  } else if (!active) {
    anchor_.reset();
  }
}

void NetObject::emit(const lua::Ref& callback, int nargs) {
  lua_State* L = boot().L();
  if (!callback || !anchor_) {
    lua_pop(L, nargs);
    return;
  }
  callback.push(L);
  anchor_.push(L);
  lua_rotate(L, -(nargs + 2), 2);
  boot().invoke(nargs + 1, CallbackKind::net);  // drops everything once the boot is halted
}

void NetObject::store_callback(lua_State* L, lua::Ref& slot, int idx, const char* event_name) {
  if (lua_isfunction(L, idx)) warn_self_capture(L, 1, idx, event_name);
  slot = lua::Ref(L, idx);
}

}  // namespace nmh::net
