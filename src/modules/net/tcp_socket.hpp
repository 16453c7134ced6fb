// A net.socket (TCP, net.md §4). The object owns its callbacks and, while a
// connection lives, a Link (the libuv handle); the Lua userdata holds only a
// pointer. While active it anchors its own userdata (net.md §10.1).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "lua/ref.hpp"
#include "modules/net/address.hpp"
#include "modules/net/net_object.hpp"
#include "runtime/pool.hpp"

namespace nmh::net {

class Link;

class TcpSocket final : public NetObject {
 public:
  static constexpr const char* kMetatable = "net.tcpsocket";
  enum Event { kConnection, kReconnection, kDisconnection, kReceive, kSent, kDns, kEvents };
  enum class State : uint8_t { idle, resolving, connecting, connected };

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

  // One per connection: pooled, at its exact size (runtime/pool.hpp).
  static void* operator new(size_t /*size*/) { return ObjectPool<TcpSocket>::get(); }
  static void operator delete(void* p) { ObjectPool<TcpSocket>::put(p); }

  void shutdown(bool graceful) override;
  // __gc: drop every reference and free on a later loop turn (design.md).
  void detach();

 private:
  friend struct TcpSocketApi;
  explicit TcpSocket(Boot& boot);
  ~TcpSocket() override;

  void emit(Event e, int nargs);  // callback, self, then nargs values pushed by the caller
  void set_callback(lua_State* L, Event e, int idx, const char* event_name);
  void update_anchor(lua_State* L, int self_idx = 0);
  void connect_to(const Address& address);
  // How the Link is let go when a connection ends.
  enum class How : uint8_t {
    reset,  // RST: a failed connection, an attempt abandoned by close() (net.md §4.4)
    fin,    // queued data, then FIN, patiently: the peer's FIN (net.md §4.9.5), a collected socket
    close,  // the script's close(): a patient flush, unread input dropped (net.md §4.4)
    teardown,  // only orphaned: the NetContext shuts it down (runtime.md §2.5, §2.7)
  };
  // The one way a connection ends: lets the Link go, marks the socket idle
  // in a new generation with nothing owed, and gives back its slot.
  void finish_connection(How how);
  void end(int code, bool graceful);
  void resolved(uint64_t generation, const Address* address);
  int initial_ttl() const;

  // Packed, small fields first to fill NetObject's last row: one of these
  // lives per connection (at most 0.5 KB per held connection, bench/README.md targets).
  State state_ = State::idle;
  bool held_ = false;
  bool delivering_ = false;
  bool counted_ = false;
  bool firing_sent_ = false;  // inside fire_sent_events
  int16_t ttl_ = -1;          // -1: the profile's default
  uint16_t port_ = 0;         // the connect target's port
  uint16_t lookups_ = 0;      // dns() and connect() lookups in flight
  Link* link_ = nullptr;
  uint64_t generation_ = 0;  // each connect() and close() starts a new one
  // What only some sockets need, made on first use: the connect target's
  // address text once resolved (client sockets), and the W-NET4 bookkeeping
  // of device profiles (net.md §14): bytes delivered and the heap after GC
  // at the first receive.
  struct Extra {
    std::string target_ip;
    bool hoarding = false;
    size_t delivered = 0;
    size_t baseline = 0;
  };
  Extra& extra();
  std::unique_ptr<Extra> extra_;
  lua::Ref callbacks_[kEvents];
  uint32_t unsent_ = 0;  // send() calls whose "sent" has not fired
  uint32_t owed_ = 0;    // completed sends whose "sent" is due
};

void register_tcp_socket(lua_State* L);

}  // namespace nmh::net
