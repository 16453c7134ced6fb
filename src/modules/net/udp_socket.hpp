// A net.udpsocket (net.md §5). The object owns its callbacks and, while bound,
// a libuv UDP handle; the Lua userdata holds only a pointer. A bound socket
// anchors its own userdata, as does a pending dns() (net.md §10.1).
#pragma once

#include <uv.h>

#include <cstdint>
#include <string>

#include "lua/ref.hpp"
#include "modules/net/address.hpp"
#include "modules/net/net_object.hpp"

namespace nmh::net {

class UdpSocket final : public NetObject {
 public:
  static constexpr const char* kMetatable = "net.udpsocket";
  enum Event { kReceive, kSent, kDns, kEvents };

  static UdpSocket* push_new(lua_State* L);
  static UdpSocket* check(lua_State* L, int idx);

  bool bound() const { return handle_ != nullptr; }
  uint16_t script_port() const { return script_port_; }
  const std::string& report_ip() const { return report_ip_; }

  void shutdown(bool graceful) override;
  // __gc: drop every reference and free on a later loop turn (design.md).
  void detach();

 private:
  friend struct UdpSocketApi;
  // The libuv handle lives on the heap: it is freed by its close callback,
  // which may run after the socket itself is gone.
  struct Handle {
    uv_udp_t udp;
    UdpSocket* owner;
  };
  struct SendReq {
    uv_udp_send_t req;
    std::string data;
  };

  explicit UdpSocket(Boot& boot);
  ~UdpSocket() override;

  static void on_alloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void on_recv(uv_udp_t* udp, ssize_t nread, const uv_buf_t* buf, const sockaddr* addr,
                      unsigned flags);

  void emit(Event e, int nargs);  // callback, self, then nargs values pushed by the caller
  void set_callback(lua_State* L, Event e, int idx, const char* event_name);
  void update_anchor(lua_State* L, int self_idx = 0);
  // Binds (script_port is what getaddr reports; 0 = ephemeral). Returns 0 or a libuv error.
  int bind(lua_State* L, uint16_t script_port, const Address& requested);
  void unbind();
  // Sends one datagram now or, when the OS would block, queued (net.md §5.2 step 7).
  int transmit(const Address& to, const char* data, size_t len);
  void resolved(const Address* address);
  int fd() const;
  void warn_oversized_receive(size_t len, bool truncated);

  lua::Ref callbacks_[kEvents];
  Handle* handle_ = nullptr;
  bool v6_ = false;  // the OS socket is AF_INET6 (dual-stack unless bound to a v6 address)
  uint16_t script_port_ = 0;
  std::string report_ip_;  // what getaddr says (net.md §5.4, §12.2)
  int ttl_ = -1;           // -1: the profile's default
  int lookups_ = 0;        // dns() lookups in flight
};

void register_udp_socket(lua_State* L);
// net.createUDPSocket() (net.md §2.3).
int create_udp_socket(lua_State* L);

}  // namespace nmh::net
