#include "modules/net/tcp_socket.hpp"

#include <netinet/in.h>

#include <algorithm>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "modules/net/context.hpp"
#include "modules/net/dns.hpp"
#include "modules/net/errors.hpp"
#include "modules/net/link.hpp"
#include "modules/net/socket_common.hpp"
#include "modules/net/sockopt.hpp"
#include "modules/net/warnings.hpp"
#include "runtime/boot.hpp"
#include "runtime/gc_detach.hpp"
#include "runtime/profile.hpp"

namespace nmh::net {

namespace {
constexpr const char* kEventNames[] = {"connection", "reconnection", "disconnection",
                                       "receive",    "sent",         "dns"};
// W-NET4 samples the heap each time a socket's delivered bytes pass a multiple of this.
constexpr size_t kHoardStep = size_t{16} * 1024;
}  // namespace

TcpSocket::TcpSocket(Boot& boot) : NetObject(boot) {}

TcpSocket::~TcpSocket() {
  NetContext::of(boot()).forget_socket(this);
  if (link_ != nullptr) link_->orphan();
}

TcpSocket* TcpSocket::push_new(lua_State* L) {
  auto** box = lua::new_box<TcpSocket>(L, nullptr, kMetatable);
  *box = new TcpSocket(Boot::from(L));
  return *box;
}

TcpSocket* TcpSocket::check(lua_State* L, int idx) {
  return *check_self<TcpSocket>(L, idx, kMetatable);
}

void TcpSocket::update_anchor(lua_State* L, int self_idx) {
  // Active: net.md §10.1.
  set_anchor(L, state_ != State::idle || lookups_ > 0, self_idx);
}

TcpSocket::Extra& TcpSocket::extra() {
  if (!extra_) extra_ = std::make_unique<Extra>();
  return *extra_;
}

void TcpSocket::emit(Event e, int nargs) {
  NetObject::emit(callbacks_[e], nargs);
}

void TcpSocket::set_callback(lua_State* L, Event e, int idx, const char* event_name) {
  store_callback(L, callbacks_[e], idx, event_name);
}

void TcpSocket::adopt(lua_State* L, Link* link) {
  link_ = link;
  held_ = false;
  state_ = State::connected;
  NetContext::of(boot()).connection_up();
  counted_ = true;
  update_anchor(L, lua_gettop(L));
  // Keepalive and TCP_NODELAY come from the listening socket (tcp_server.cpp).
  apply_ttl(link_->fd(), initial_ttl());
}

int TcpSocket::initial_ttl() const {
  if (ttl_ >= 0) return ttl_;
  int profile_ttl = boot().profile().default_ttl;
  return profile_ttl > 0 ? profile_ttl : -1;  // -1: leave the OS default
}

void TcpSocket::start_reading() {
  if (link_ != nullptr && state_ == State::connected && !held_) link_->start_reading();
}

void TcpSocket::accepted() {
  if (!attached() || state_ != State::connected) return;
  emit(kConnection, 0);
  if (attached()) start_reading();
}

void TcpSocket::connect_to(const Address& address) {
  extra().target_ip = format_ip(address.sa());
  state_ = State::connecting;
  held_ = false;  // hold() belongs to one connection (net.md §4.5)
  link_ = new Link(NetContext::of(boot()), this, address.storage.ss_family);
  apply_ttl(link_->fd(), initial_ttl());
  set_nodelay(link_->fd());  // as on accepted sockets (tcp_server.cpp)
  Address target = address;
  target.set_port(port_);
  link_->connect(target.sa(), boot().profile().connect_timeout_ms);
}

void TcpSocket::resolved(uint64_t generation, const Address* address) {
  lua_State* L = boot().L();
  --lookups_;
  if (!attached()) {
    if (lookups_ == 0) bury();  // detached while the lookup ran (detach)
    return;
  }
  bool current = generation == generation_ && state_ == State::resolving;
  if (address != nullptr) {
    push_ip(L, address->sa());
  } else {
    lua_pushnil(L);
  }
  emit(kDns, 1);
  if (!attached()) return;
  if (current && state_ == State::resolving) {
    if (address != nullptr) {
      connect_to(*address);
    } else {
      // Host decision for a failed lookup in connect (net.md §4.1 step 7, §16.1).
      end(kAbrt, false);
    }
  }
  update_anchor(L);
}

void TcpSocket::on_connected(int status) {
  if (state_ != State::connecting) return;
  if (status != 0) {
    bool noted = false;
    int code = err_from_uv(status, &noted);
    if (noted) note_errno(boot(), "connect", status);
    end(code, false);
    return;
  }
  state_ = State::connected;
  NetContext::of(boot()).connection_up();
  counted_ = true;
  emit(kConnection, 0);
  if (attached()) start_reading();
}

void TcpSocket::on_data(const char* data, size_t len) {
  lua_State* L = boot().L();
  const Profile& profile = boot().profile();
  size_t chunk = profile.tcp_chunk > 0 ? profile.tcp_chunk : len;
  // One event per chunk, back to back; close() inside one drops the rest (net.md §4.4, §4.10).
  uint64_t generation = generation_;
  delivering_ = true;
  for (size_t off = 0; off < len; off += chunk) {
    if (!attached() || generation != generation_ || state_ != State::connected) break;
    size_t n = std::min(chunk, len - off);
    if (!callbacks_[kReceive]) continue;  // discarded, not buffered (net.md §4.2)
    if (profile.device && (!extra_ || !extra_->hoarding)) {
      extra().hoarding = true;
      lua_gc(L, LUA_GCCOLLECT, 0);
      extra_->baseline = boot().heap().in_use();
    }
    if (begin_emit(callbacks_[kReceive])) {
      lua_pushlstring(L, data + off, n);
      end_emit(1);
    }
    if (!attached()) break;
    if (extra_ && extra_->hoarding) {
      size_t before = extra_->delivered;
      extra_->delivered += n;
      if (extra_->delivered / kHoardStep != before / kHoardStep) {
        warn_if_hoarding(boot(), callbacks_[kReceive], extra_->delivered, extra_->baseline);
      }
    }
  }
  delivering_ = false;
  if (attached() && held_ && link_ != nullptr) link_->stop_reading();
}

void TcpSocket::on_end(int status) {
  if (state_ != State::connected) return;
  bool noted = false;
  int code = err_from_uv(status, &noted);
  if (noted) note_errno(boot(), "receive", status);
  // The peer's FIN: the device reports 0 and closes its side too (net.md §4.9.5).
  end(code, status == UV_EOF);
}

void TcpSocket::finish_connection(How how) {
  if (link_ != nullptr) {
    switch (how) {
      case How::reset:
        link_->abort();
        break;
      case How::fin:
        // Patient as the script's own close(): a peer that half-closed still
        // reads the response queued for it, however slowly (net.md §4.4,
        // §4.9); the 1 s limit is for process shutdown (runtime.md §2.7).
        link_->close_graceful(true);
        break;
      case How::close:
        // The device answers a close with RST only when hold() left its
        // window short (net.md §4.4); otherwise unread input is dropped.
        if (!held_) link_->discard_input();
        link_->close_graceful(true);
        break;
      case How::teardown:
        break;
    }
    link_->orphan();
    link_ = nullptr;
  }
  state_ = State::idle;
  ++generation_;
  owed_ = 0;
  unsent_ = 0;
  if (counted_) {
    counted_ = false;
    // At teardown the count goes with the context: no slot opens for a deferred accept.
    if (how != How::teardown) NetContext::of(boot()).connection_down();
  }
}

void TcpSocket::end(int code, bool graceful) {
  lua_State* L = boot().L();
  // Marked closed before the callback: close() inside it raises (net.md §4.4).
  finish_connection(graceful ? How::fin : How::reset);
  Event e = code < 0 && callbacks_[kReconnection] ? kReconnection : kDisconnection;
  lua_pushinteger(L, code);
  emit(e, 1);
  if (attached()) update_anchor(L);
}

void TcpSocket::on_written() {
  ++owed_;
  fire_sent_events();
}

void TcpSocket::fire_sent_events() {
  // Only the sends completed before this round: one a "sent" callback issues
  // (the streaming pattern) gets its event on a later loop turn, so timers
  // and other sockets run between rounds (runtime.md §2.3), as on the device
  // where each "sent" is an ACK event of its own (net.md §4.3).
  uint32_t due = owed_;
  firing_sent_ = true;
  while (due > 0 && owed_ > 0 && attached() && state_ == State::connected) {
    --due;
    --owed_;
    if (unsent_ > 0) --unsent_;
    emit(kSent, 0);
  }
  firing_sent_ = false;
  if (owed_ > 0 && attached() && state_ == State::connected) NetContext::of(boot()).owe_sent(this);
}

void TcpSocket::detach() {
  for (auto& cb : callbacks_) cb.reset();
  finish_connection(How::fin);
  // A lookup in flight holds this object (its answer calls resolved): freed
  // once the last one answers. A script may call __gc itself mid-lookup.
  release_lua(lookups_ > 0);
}

void TcpSocket::shutdown(bool /*graceful*/) {
  // The Link, now an orphan, is shut down by the NetContext; here only Lua is let go.
  for (auto& cb : callbacks_) cb.reset();
  finish_connection(How::teardown);
  release_lua();
}

// The Lua face of net.socket, argument checks first (net.md §4).
struct TcpSocketApi {
  static int connect(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    if (s->state_ != TcpSocket::State::idle) lua::raise(L, "already connected");
    lua_Integer port = luaL_checkinteger(L, 2) & 0xFFFF;
    if (port == 0) lua::raise(L, "specify port");
    // Texts stay on the Lua stack: a raise must not skip a C++ destructor (longjmp).
    const char* host = "127.0.0.1";
    if (lua_type(L, 3) == LUA_TSTRING || lua_type(L, 3) == LUA_TNUMBER) host = lua_tostring(L, 3);
    if (lua_gettop(L) >= 4) {
      if (!lua_isfunction(L, 4)) lua::raise_arg(L, 4, "not a function");
      s->set_callback(L, TcpSocket::kConnection, 4, "connection");
    }
    s->port_ = static_cast<uint16_t>(port);
    if (s->extra_) s->extra_->target_ip.clear();
    uint64_t generation = ++s->generation_;
    s->state_ = TcpSocket::State::resolving;
    int rc = start_lookup(L, s, host, generation);
    if (rc != kOk) {
      s->state_ = TcpSocket::State::idle;
      lua::raise(L, "%s", err_message(rc));
    }
    s->update_anchor(L, 1);
    return 0;
  }

  // Resolution shared by connect() and dns(): an IPv4 literal answers at once.
  static int start_lookup(lua_State* L, TcpSocket* s, const char* host, uint64_t generation) {
    warn_if_ipv6(L, host);
    if (auto literal = parse_ipv4(host)) {
      ++s->lookups_;
      s->update_anchor(L, 1);
      s->resolved(generation, &*literal);
      return kOk;
    }
    Boot& boot = Boot::from(L);
    int rc = Resolver::of(boot).lookup(
        host, [s, generation](const Address* address) { s->resolved(generation, address); });
    if (rc == kMem) boot.diagnostics().report(warn::kDnsTableFull, {}, lua::where(L, 1));
    if (rc == kOk) {
      ++s->lookups_;
      s->update_anchor(L, 1);
    }
    return rc;
  }

  static int dns(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    const char* name = luaL_checkstring(L, 2);
    if (lua_isfunction(L, 3)) s->set_callback(L, TcpSocket::kDns, 3, "dns");
    if (!s->callbacks_[TcpSocket::kDns]) lua::raise(L, "no callback specified");
    // A lookup of its own: it never connects, whatever the socket does meanwhile.
    int rc = start_lookup(L, s, name, UINT64_MAX);
    if (rc != kOk) lua::raise(L, "%s", err_message(rc));
    return 0;
  }

  static int on(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    int e = check_on_args(L, kEventNames, TcpSocket::kEvents);
    s->set_callback(L, static_cast<TcpSocket::Event>(e), 3, kEventNames[e]);
    return 0;
  }

  static int send(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    size_t len = 0;
    const char* data = luaL_checklstring(L, 2, &len);
    if (len == 0) lua::raise(L, "no data to send");
    if (lua_isfunction(L, 3)) s->set_callback(L, TcpSocket::kSent, 3, "sent");
    if (s->state_ != TcpSocket::State::connecting && s->state_ != TcpSocket::State::connected) {
      lua::raise(L, "not connected");
    }
    Boot& boot = Boot::from(L);
    const Profile& profile = boot.profile();
    if (profile.tcp_send_buffer > 0 && len > profile.tcp_send_buffer) {
      boot.diagnostics().report(warn::kSendTooBig, {std::to_string(len)}, lua::where(L, 1));
      lua::raise(L, "%s", err_message(kMem));
    }
    if (profile.device && s->unsent_ > 0) {
      boot.diagnostics().report(warn::kSendQueued, {}, lua::where(L, 1));
    }
    ++s->unsent_;
    if (s->link_->write(data, len)) {
      // Handed to the OS at once; the event still waits for the loop (net.md §4.3).
      // Inside a round of its own "sent" events the round lists it when done.
      if (s->owed_++ == 0 && !s->firing_sent_) NetContext::of(boot).owe_sent(s);
    }
    return 0;
  }

  static int close(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    switch (s->state_) {
      case TcpSocket::State::idle:
        lua::raise(L, "not connected");
      case TcpSocket::State::resolving:  // no Link yet; its "dns" event still fires (net.md §4.4)
      case TcpSocket::State::connected:
        s->finish_connection(TcpSocket::How::close);
        break;
      case TcpSocket::State::connecting:
        s->finish_connection(TcpSocket::How::reset);
        break;
    }
    s->update_anchor(L);
    return 0;
  }

  static int hold(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    if (s->state_ != TcpSocket::State::connected) return 0;
    s->held_ = true;
    // Inside a receive the current read's chunks are delivered first (net.md §4.5).
    if (!s->delivering_) s->link_->stop_reading();
    return 0;
  }

  static int unhold(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    if (s->state_ != TcpSocket::State::connected) return 0;
    s->held_ = false;
    s->link_->start_reading();
    return 0;
  }

  static int getpeer(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    switch (s->state_) {
      case TcpSocket::State::idle:
        break;
      case TcpSocket::State::resolving:
        lua_pushinteger(L, s->port_);
        lua_pushliteral(L, "0.0.0.0");
        return 2;
      case TcpSocket::State::connecting:
      case TcpSocket::State::connected: {
        sockaddr_storage ss{};
        int n = sizeof ss;
        if (uv_tcp_getpeername(s->link_->tcp(), reinterpret_cast<sockaddr*>(&ss), &n) == 0) {
          return push_endpoint(L, reinterpret_cast<sockaddr*>(&ss));
        }
        lua_pushinteger(L, s->port_);
        lua_pushstring(L, s->extra_ ? s->extra_->target_ip.c_str() : "");
        return 2;
      }
    }
    lua_pushnil(L);
    lua_pushnil(L);
    return 2;
  }

  static int getaddr(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    if (s->state_ == TcpSocket::State::connecting || s->state_ == TcpSocket::State::connected) {
      sockaddr_storage ss{};
      int n = sizeof ss;
      if (uv_tcp_getsockname(s->link_->tcp(), reinterpret_cast<sockaddr*>(&ss), &n) == 0) {
        return push_endpoint(L, reinterpret_cast<sockaddr*>(&ss));
      }
    }
    lua_pushnil(L);
    lua_pushnil(L);
    return 2;
  }

  static int ttl(lua_State* L) {
    TcpSocket* s = TcpSocket::check(L, 1);
    if (s->state_ == TcpSocket::State::idle) lua::raise(L, "socket is not open/bound yet");
    lua_Integer value = luaL_optinteger(L, 2, -1);
    int fd = s->link_ != nullptr ? s->link_->fd() : -1;
    if (value == -1) {
      int current = s->ttl_ >= 0            ? s->ttl_
                    : s->initial_ttl() >= 0 ? s->initial_ttl()
                                            : read_ttl(fd);
      lua_pushinteger(L, current);
      return 1;
    }
    s->ttl_ = static_cast<int16_t>(value & 0xFF);
    if (fd >= 0) apply_ttl(fd, s->ttl_);
    lua_pushinteger(L, s->ttl_);
    return 1;
  }
};

namespace {
constexpr luaL_Reg kMethods[] = {
    {"connect", TcpSocketApi::connect},
    {"close", TcpSocketApi::close},
    {"on", TcpSocketApi::on},
    {"send", TcpSocketApi::send},
    {"hold", TcpSocketApi::hold},
    {"unhold", TcpSocketApi::unhold},
    {"dns", TcpSocketApi::dns},
    {"ttl", TcpSocketApi::ttl},
    {"getpeer", TcpSocketApi::getpeer},
    {"getaddr", TcpSocketApi::getaddr},
    {nullptr, nullptr},
};
}  // namespace

void register_tcp_socket(lua_State* L) {
  lua::new_class(L, TcpSocket::kMetatable, kMethods, gc_detach<TcpSocket>);
  lua_pop(L, 1);
}

}  // namespace nmh::net
