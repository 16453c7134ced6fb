// A net.socket (TCP, net.md §4). The object owns its callbacks and, while a
// connection lives, a Link (the libuv handle); the Lua userdata holds only a
// pointer. While active it anchors its own userdata (net.md §10.1).
#pragma once

#include <cstdint>
#include <string>

#include "lua/ref.hpp"
#include "modules/net/address.hpp"
#include "modules/net/net_object.hpp"

namespace nmh::net {

class Link;

class TcpSocket final : public NetObject {
 public:
  static constexpr const char* kMetatable = "net.tcpsocket";
  enum Event { kConnection, kReconnection, kDisconnection, kReceive, kSent, kDns, kEvents };
  enum class State { idle, resolving, connecting, connected };

  // Pushes a new unconnected socket's userdata and returns the socket.
  static TcpSocket* push_new(lua_State* L);
  // The socket of the userdata at idx (typed error otherwise; nullptr if detached).
  static TcpSocket* check(lua_State* L, int idx);

  State state() const { return state_; }
  bool active() const { return state_ != State::idle; }

  // An accepted connection (net.md §3.2): connected, anchored, counted; the
  // userdata must be on top of the stack.
  void adopt(lua_State* L, Link* link);
  void start_reading();
  // After the accept callback: "connection", then reading (net.md §3.2 steps 4-5).
  void accepted();

  // From the Link.
  void on_connected(int status);
  void on_data(const char* data, size_t len);
  void on_end(int status);
  void on_written();
  // Due "sent" events, one per completed send, in call order (net.md §4.3).
  void fire_sent_events();

  void shutdown(bool graceful) override;
  // __gc: drop every reference and free on a later loop turn (design.md).
  void detach();

 private:
  friend struct TcpSocketApi;
  TcpSocket(Boot& boot, TcpSocket** box);
  ~TcpSocket() override;

  void emit(Event e, int nargs);  // callback, self, then nargs values pushed by the caller
  void set_callback(lua_State* L, Event e, int idx, const char* event_name);
  void update_anchor(lua_State* L, int self_idx = 0);
  void connect_to(const Address& address);
  void end(int code, bool graceful);
  void resolved(uint64_t generation, const Address* address);
  int initial_ttl() const;

  lua::Ref callbacks_[kEvents];
  State state_ = State::idle;
  Link* link_ = nullptr;
  uint16_t port_ = 0;        // the connect target's port
  std::string target_ip_;    // the connect target's address text, once resolved
  int lookups_ = 0;          // dns() and connect() lookups in flight
  uint64_t generation_ = 0;  // each connect() and close() starts a new one
  int ttl_ = -1;             // -1: the profile's default
  bool held_ = false;
  bool delivering_ = false;
  size_t unsent_ = 0;  // send() calls whose "sent" has not fired
  size_t owed_ = 0;    // completed sends whose "sent" is due
  bool counted_ = false;
  // W-NET4 bookkeeping (net.md §14): bytes delivered and the heap after GC at the first receive.
  size_t delivered_ = 0;
  size_t heap_baseline_ = 0;
};

}  // namespace nmh::net
