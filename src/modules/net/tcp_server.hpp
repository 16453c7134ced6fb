// A net.server (net.md §3): a listening TCP endpoint that turns each incoming
// connection into a net.socket. The userdata holds only a pointer; a listening
// server anchors itself (net.md §10.1).
#pragma once

#include <uv.h>

#include <cstdint>
#include <string>

#include "lua/ref.hpp"
#include "modules/net/net_object.hpp"

namespace nmh::net {

class TcpServer final : public NetObject {
 public:
  static constexpr const char* kMetatable = "net.tcpserver";

  static TcpServer* push_new(lua_State* L, unsigned timeout_s);

  bool listening() const { return listener_ != nullptr; }
  uint16_t script_port() const { return script_port_; }
  // A slot opened under the esp8266 cap: take the connection that waited (net.md §13).
  void accept_deferred();

  void shutdown(bool graceful) override;
  void detach();

 private:
  friend struct TcpServerApi;
  struct Listener {
    uv_tcp_t tcp;
    TcpServer* owner;
  };
  TcpServer(Boot& boot, unsigned timeout_s);
  ~TcpServer() override;

  static void on_connection(uv_stream_t* stream, int status);
  void accept_one();
  void stop_listening();

  unsigned timeout_s_;
  lua::Ref accept_cb_;
  Listener* listener_ = nullptr;
  uint16_t script_port_ = 0;
  std::string report_ip_;  // what getaddr says: the script's view (net.md §3.4, §12.2)
  bool waiting_ = false;   // a connection is deferred
};

void register_tcp_server(lua_State* L);
// net.createServer([timeout]) (net.md §2.2).
int create_server(lua_State* L);

}  // namespace nmh::net
