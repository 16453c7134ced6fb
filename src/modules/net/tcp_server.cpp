#include "modules/net/tcp_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "modules/net/address.hpp"
#include "modules/net/context.hpp"
#include "modules/net/errors.hpp"
#include "modules/net/link.hpp"
#include "modules/net/socket_common.hpp"
#include "modules/net/sockopt.hpp"
#include "modules/net/tcp_socket.hpp"
#include "modules/net/warnings.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/gc_detach.hpp"
#include "runtime/profile.hpp"

namespace nmh::net {

namespace {
// Options every accepted socket needs, set once on the listening socket:
// Linux copies them to each socket accept() returns, which saves four system
// calls per connection (design.md hot path). The server idle timeout is TCP
// keepalive, idle = timeout clamped to 1-32767 s, one probe after 10 s
// (net.md §8).
// TCP_NODELAY: the device's "sent" waits for the peer's ACK, so Nagle never
// holds back its next send; here "sent" fires once the kernel has the data,
// and without it a script's send-sent-send chain would wait on delayed ACKs.
void set_accept_options(uv_tcp_t& listener, unsigned timeout_s) {
  uv_os_fd_t fd = -1;
  if (uv_fileno(reinterpret_cast<uv_handle_t*>(&listener), &fd) != 0) return;
  set_keepalive(fd, static_cast<int>(std::clamp(timeout_s, 1U, 32767U)), 10, 1);
  set_nodelay(fd);
}
}  // namespace

TcpServer::TcpServer(Boot& boot, unsigned timeout_s) : NetObject(boot), timeout_s_(timeout_s) {}

TcpServer::~TcpServer() {
  stop_listening();
}

TcpServer* TcpServer::push_new(lua_State* L, unsigned timeout_s) {
  auto** box = lua::new_box<TcpServer>(L, nullptr, kMetatable);
  *box = new TcpServer(Boot::from(L), timeout_s);
  return *box;
}

void TcpServer::stop_listening() {
  if (listener_ == nullptr) return;
  NetContext::of(boot()).forget_server(this);
  listener_->owner = nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(&listener_->tcp),
           [](uv_handle_t* h) { delete reinterpret_cast<TcpServer::Listener*>(h); });
  listener_ = nullptr;
  waiting_ = false;
}

void TcpServer::on_connection(uv_stream_t* stream, int status) {
  auto* listener = reinterpret_cast<Listener*>(stream);
  TcpServer* self = listener->owner;
  if (self == nullptr || status != 0) return;
  NetContext& ctx = NetContext::of(self->boot());
  if (ctx.accept_blocked()) {
    // The device drops the SYN while exactly 5 are established; here the
    // connection waits in the kernel until a slot opens (net.md §13).
    self->waiting_ = true;
    ctx.defer_accept(self);
    self->boot().diagnostics().report(warn::kAcceptDeferred, {},
                                      callback_location(self->boot().L(), self->accept_cb_));
    return;
  }
  self->accept_one();
}

void TcpServer::accept_deferred() {
  if (!waiting_ || listener_ == nullptr) return;
  waiting_ = false;
  accept_one();
}

void TcpServer::accept_one() {
  Boot& boot = this->boot();
  lua_State* L = boot.L();
  if (boot.halted()) return;
  // The new socket's userdata is made under protection: a refused allocation
  // (--strict heap) must not escape into the loop.
  lua_pushcfunction(L, [](lua_State* S) -> int {
    TcpSocket::push_new(S);
    return 1;
  });
  if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
    lua_pop(L, 1);
    // libuv holds the accepted fd until uv_accept: take it and reset it, as
    // the device aborts a connection it has no memory for, or this server
    // would never accept again.
    auto* refused = new Link(NetContext::of(boot), nullptr);
    uv_accept(reinterpret_cast<uv_stream_t*>(&listener_->tcp), refused->stream());
    refused->abort();
    return;
  }
  int ud = lua_gettop(L);
  TcpSocket* socket = *lua::check_box<TcpSocket>(L, ud, TcpSocket::kMetatable);
  auto* link = new Link(NetContext::of(boot), socket);
  if (uv_accept(reinterpret_cast<uv_stream_t*>(&listener_->tcp), link->stream()) != 0) {
    link->orphan();
    link->abort();
    lua_pop(L, 1);
    return;
  }
  socket->adopt(L, link);
  // Accept callback, then "connection", then reading (net.md §3.2).
  accept_cb_.push(L);
  lua_pushvalue(L, ud);
  boot.invoke(1, CallbackKind::net);
  socket->accepted();
  lua_settop(L, ud - 1);
}

void TcpServer::detach() {
  accept_cb_.reset();
  stop_listening();
  release_lua();
}

void TcpServer::shutdown(bool /*graceful*/) {
  detach();
}

struct TcpServerApi {
  static TcpServer* check(lua_State* L) {
    return *check_self<TcpServer>(L, 1, TcpServer::kMetatable);
  }

  static int listen(lua_State* L) {
    TcpServer* s = check(L);
    if (s->listening()) lua::raise(L, "already listening");
    // Arguments are scanned by position (net.md §3.1).
    int i = 2;
    uint16_t port = 0;
    if (lua_type(L, i) == LUA_TNUMBER || (lua_type(L, i) == LUA_TSTRING && lua_isnumber(L, i))) {
      port = static_cast<uint16_t>(static_cast<lua_Integer>(lua_tonumber(L, i)) & 0xFFFF);
      ++i;
    }
    // Texts stay on the Lua stack or in arrays: a raise must not skip a C++
    // destructor (Lua's errors longjmp).
    const char* ip = "0.0.0.0";
    if (lua_type(L, i) == LUA_TSTRING || lua_type(L, i) == LUA_TNUMBER) {
      ip = lua_tostring(L, i);
      ++i;
    }
    std::optional<Address> requested = parse_ip(ip);
    if (!requested) lua::raise(L, "invalid IP address");
    if (!lua_isfunction(L, i)) lua::raise(L, "need callback");
    warn_if_ipv6(L, ip);
    Boot& boot = Boot::from(L);
    NetContext& ctx = NetContext::of(boot);
    char text[INET6_ADDRSTRLEN + 1];
    (void)std::snprintf(text, sizeof text, "%s", format_ip(requested->sa()).c_str());
    for (TcpServer* other : ctx.servers()) {
      // lwIP fails the listen step for the same port and IP: reported as ERR_MEM (§3.1 step 7).
      if (port != 0 && other->script_port_ == port && other->report_ip_ == text) {
        lua::raise(L, "%s", err_message(kMem));
      }
    }
    uint16_t host_port = map_port(L, port);
    bool all = std::strcmp(text, "0.0.0.0") == 0;
    Address bind_addr;
    if (all) {
      // No IP or 0.0.0.0: dual-stack on :: (net.md §12.2).
      bind_addr = *parse_ipv6("::", host_port);
    } else {
      bind_addr = *requested;
      bind_addr.set_port(host_port);
    }
    auto* listener = new TcpServer::Listener;
    listener->owner = s;
    uv_tcp_init(boot.loop(), &listener->tcp);
    int rc = uv_tcp_bind(&listener->tcp, bind_addr.sa(), 0);
    if (rc == UV_EAFNOSUPPORT && all) {
      bind_addr = *parse_ipv4("0.0.0.0", host_port);  // a host without IPv6
      rc = uv_tcp_bind(&listener->tcp, bind_addr.sa(), 0);
    }
    if (rc == UV_EADDRNOTAVAIL) {
      boot.diagnostics().report(warn::kLocalAddress, {text}, lua::where(L, 1));
      bind_addr = *parse_ipv6("::", host_port);
      rc = uv_tcp_bind(&listener->tcp, bind_addr.sa(), 0);
    }
    if (rc == 0) {
      set_accept_options(listener->tcp, s->timeout_s_);
      rc = uv_listen(reinterpret_cast<uv_stream_t*>(&listener->tcp), SOMAXCONN,
                     TcpServer::on_connection);
    }
    if (rc != 0) {
      uv_close(reinterpret_cast<uv_handle_t*>(&listener->tcp),
               [](uv_handle_t* h) { delete reinterpret_cast<TcpServer::Listener*>(h); });
      return raise_listen_error(L, rc, port);
    }
    s->listener_ = listener;
    s->script_port_ = port;
    s->report_ip_ = text;
    sockaddr_storage ss{};
    int n = sizeof ss;
    uv_tcp_getsockname(&listener->tcp, reinterpret_cast<sockaddr*>(&ss), &n);
    Address bound;
    bound.storage = ss;
    if (port == 0 || host_port == 0) {
      // Port 0: the stack chose; the script sees that port unless it is mapped.
      if (port == 0) s->script_port_ = bound.port();
      if (host_port == 0 && port != 0) announce_port(L, port, bound.port());
    }
    s->accept_cb_ = lua::Ref(L, i);
    warn_self_capture(L, 1, i, "connection");
    s->anchor_ = lua::Ref(L, 1);
    ctx.servers().push_back(s);
    return 0;
  }

  static int raise_listen_error(lua_State* L, int rc, uint16_t port) {
    switch (rc) {
      case UV_EADDRINUSE:
        lua::raise(L, "%s", err_message(kUse));
      case UV_EACCES: {
        // The report's strings are temporaries gone by the end of its statement:
        // nothing with a destructor is alive when lua::raise longjmps.
        Boot::from(L).diagnostics().report(
            warn::kPrivilegedPort, {std::to_string(port), std::to_string(port)}, lua::where(L, 1));
        lua::raise(L, "permission denied: port %d requires privileges (use --port-map %d=<port>)",
                   port, port);
      }
      case UV_EMFILE:
      case UV_ENFILE:
      case UV_ENOBUFS:
        lua::raise(L, "cannot allocate PCB");
      default:
        lua::raise(L, "unknown error");
    }
  }

  static int close(lua_State* L) {
    TcpServer* s = check(L);
    if (!s->listening()) lua::raise(L, "not connected");
    s->stop_listening();
    s->anchor_.reset();
    return 0;
  }

  static int getaddr(lua_State* L) {
    TcpServer* s = check(L);
    if (!s->listening()) {
      lua_pushnil(L);
      lua_pushnil(L);
      return 2;
    }
    lua_pushinteger(L, s->script_port_);
    lua_pushstring(L, s->report_ip_.c_str());
    return 2;
  }
};

namespace {
constexpr luaL_Reg kMethods[] = {
    {"listen", TcpServerApi::listen},
    {"close", TcpServerApi::close},
    {"getaddr", TcpServerApi::getaddr},
    {nullptr, nullptr},
};
}  // namespace

void register_tcp_server(lua_State* L) {
  lua::new_class(L, TcpServer::kMetatable, kMethods, gc_detach<TcpServer>);
  lua_pop(L, 1);
}

int create_server(lua_State* L) {
  Boot& boot = Boot::from(L);
  // The ESP8266 reads only the idle timeout: createServer(net.TCP, 30) gets 1 s (net.md §2.2).
  lua_Integer timeout = luaL_optinteger(L, 1, 30);
  if (boot.profile().device) {
    if (lua_gettop(L) >= 2) {
      boot.diagnostics().report(warn::kServerArgs, {std::to_string(timeout)}, lua::where(L, 1));
    }
    if (timeout < 1 || timeout > 28800) {
      boot.diagnostics().report(warn::kServerTimeout, {std::to_string(timeout)}, lua::where(L, 1));
    }
  }
  lua_Integer clamped = std::clamp<lua_Integer>(timeout, 1, 32767);
  TcpServer::push_new(L, static_cast<unsigned>(clamped));
  return 1;
}

}  // namespace nmh::net
