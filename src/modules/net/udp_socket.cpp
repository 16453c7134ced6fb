#include "modules/net/udp_socket.hpp"

#include <netinet/in.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "modules/net/context.hpp"
#include "modules/net/dns.hpp"
#include "modules/net/errors.hpp"
#include "modules/net/socket_common.hpp"
#include "modules/net/sockopt.hpp"
#include "modules/net/warnings.hpp"
#include "runtime/boot.hpp"
#include "runtime/gc_detach.hpp"
#include "runtime/profile.hpp"

namespace nmh::net {

namespace {

constexpr const char* kEventNames[] = {"receive", "sent", "dns"};
// Not a §9.1 code: err_message() gives "unknown error" for it.
constexpr int kUnknown = -100;
// An IPv6 header carries no options, so the largest IPv6 payload is 20 bytes
// above the IPv4 one (65507 / 65527, net.md §5.2).
constexpr size_t kIpv6Extra = 20;

// The bound UDP sockets of this boot, for the program-wide overlap rule (net.md §5.1).
struct UdpSockets final : ModuleState {
  explicit UdpSockets(Boot& /*boot*/) {}
  std::vector<UdpSocket*> bound;
};

bool is_any(const std::string& ip) {
  return ip == "0.0.0.0" || ip == "::";
}

int raise_bind_error(lua_State* L, int rc, uint16_t port) {
  switch (rc) {
    case UV_EADDRINUSE:
      lua::raise(L, "%s", err_message(kUse));
    case UV_EACCES:
      // W-PORT first (runtime.md §5.5); its strings die with the statement, before the longjmp.
      Boot::from(L).diagnostics().report(
          warn::kPrivilegedPort, {std::to_string(port), std::to_string(port)}, lua::where(L, 1));
      lua::raise(L, "permission denied: port %d requires privileges (use --port-map %d=<port>)",
                 port, port);
    case UV_EMFILE:
    case UV_ENFILE:
    case UV_ENOBUFS:
      lua::raise(L, "cannot allocate PCB");
    default:
      lua::raise(L, "%s", err_message(kUnknown));
  }
}

// "chunk:line" where the function referenced by ref is defined (net.md §0.5:
// event-triggered warnings are located at their callback).
std::string defined_at(lua_State* L, const lua::Ref& ref) {
  if (!ref) return {};
  ref.push(L);
  lua_Debug ar;
  if (lua_getinfo(L, ">S", &ar) == 0 || ar.linedefined <= 0) return {};
  return std::string(ar.short_src) + ":" + std::to_string(ar.linedefined);
}

Address v4_mapped(const Address& v4) {
  Address out;
  auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
  const auto* sin = reinterpret_cast<const sockaddr_in*>(&v4.storage);
  sin6->sin6_family = AF_INET6;
  sin6->sin6_port = sin->sin_port;
  sin6->sin6_addr.s6_addr[10] = 0xFF;
  sin6->sin6_addr.s6_addr[11] = 0xFF;
  std::memcpy(&sin6->sin6_addr.s6_addr[12], &sin->sin_addr, 4);
  return out;
}

}  // namespace

UdpSocket::UdpSocket(Boot& boot) : NetObject(boot) {}

UdpSocket::~UdpSocket() {
  // Normally unbound by detach() or shutdown(); the registry may already be
  // gone here (module states die after the graveyard), so it is not touched.
  if (handle_ != nullptr) {
    handle_->owner = nullptr;
    uv_close(reinterpret_cast<uv_handle_t*>(&handle_->udp),
             [](uv_handle_t* h) { delete reinterpret_cast<Handle*>(h); });
  }
}

UdpSocket* UdpSocket::push_new(lua_State* L) {
  auto** box = lua::new_box<UdpSocket>(L, nullptr, kMetatable);
  *box = new UdpSocket(Boot::from(L));
  return *box;
}

UdpSocket* UdpSocket::check(lua_State* L, int idx) {
  return *check_self<UdpSocket>(L, idx, kMetatable);
}

int UdpSocket::fd() const {
  uv_os_fd_t fd = -1;
  if (handle_ != nullptr) uv_fileno(reinterpret_cast<const uv_handle_t*>(&handle_->udp), &fd);
  return fd;
}

void UdpSocket::update_anchor(lua_State* L, int self_idx) {
  // Active: net.md §10.1.
  set_anchor(L, bound() || lookups_ > 0, self_idx);
}

void UdpSocket::emit(Event e, int nargs) {
  NetObject::emit(callbacks_[e], nargs);
}

void UdpSocket::set_callback(lua_State* L, Event e, int idx, const char* event_name) {
  store_callback(L, callbacks_[e], idx, event_name);
}

int UdpSocket::bind(lua_State* L, uint16_t script_port, const Address& requested) {
  Boot& b = boot();
  uint16_t host_port = script_port == 0 ? 0 : map_port(L, script_port);
  std::string text = format_ip(requested.sa());
  Address addr = requested;
  addr.set_port(host_port);
  auto* h = new Handle;
  h->owner = this;
  uv_udp_init(b.loop(), &h->udp);
  // SO_REUSEADDR lets a script share a port with other programs (e.g. 5353);
  // within the program the overlap rule still applies (net.md §5.1).
  int rc = uv_udp_bind(&h->udp, addr.sa(), UV_UDP_REUSEADDR);
  if (rc == UV_EADDRNOTAVAIL) {
    // Unknown local IP: all interfaces, one notice, getaddr keeps the request (net.md §12.2).
    b.diagnostics().report(warn::kLocalAddress, {text}, lua::where(L, 1));
    addr = requested.v6() ? *parse_ipv6("::", host_port) : *parse_ipv4("0.0.0.0", host_port);
    rc = uv_udp_bind(&h->udp, addr.sa(), UV_UDP_REUSEADDR);
  }
  if (rc != 0) {
    uv_close(reinterpret_cast<uv_handle_t*>(&h->udp),
             [](uv_handle_t* handle) { delete reinterpret_cast<Handle*>(handle); });
    return rc;
  }
  handle_ = h;
  v6_ = requested.v6();
  // Broadcast needs no extra step on the device (net.md §5.2).
  set_broadcast(fd());
  int ttl = b.profile().default_ttl;
  if (ttl > 0) apply_ttl(fd(), ttl);  // IP_DEFAULT_TTL, unicast and multicast (net.md §5.4)
  sockaddr_storage ss{};
  int n = sizeof ss;
  uv_udp_getsockname(&h->udp, reinterpret_cast<sockaddr*>(&ss), &n);
  Address local;
  local.storage = ss;
  script_port_ = script_port != 0 ? script_port : local.port();
  if (script_port != 0 && host_port == 0) announce_port(L, script_port, local.port());
  report_ip_ = text;
  uv_udp_recv_start(&h->udp, on_alloc, on_recv);
  b.state<UdpSockets>().bound.push_back(this);
  return 0;
}

void UdpSocket::unbind() {
  if (handle_ == nullptr) return;
  std::erase(boot().state<UdpSockets>().bound, this);
  handle_->owner = nullptr;
  // Closing cancels queued sends; their callbacks free them before the handle goes.
  uv_close(reinterpret_cast<uv_handle_t*>(&handle_->udp),
           [](uv_handle_t* h) { delete reinterpret_cast<Handle*>(h); });
  handle_ = nullptr;
  ttl_ = -1;  // a new bind starts at the default TTL, as a new lwIP pcb does
  script_port_ = 0;
  report_ip_.clear();
}

void UdpSocket::on_alloc(uv_handle_t* handle, size_t /*suggested*/, uv_buf_t* buf) {
  auto* h = reinterpret_cast<Handle*>(handle);
  if (h->owner == nullptr) {
    *buf = uv_buf_init(nullptr, 0);  // libuv then reports UV_ENOBUFS and reads nothing
    return;
  }
  // The loop-wide read buffer (design.md hot path); the receive string is made from it.
  NetContext& ctx = NetContext::of(h->owner->boot());
  *buf = uv_buf_init(ctx.read_buffer(), static_cast<unsigned>(ctx.read_buffer_size()));
}

void UdpSocket::on_recv(uv_udp_t* udp, ssize_t nread, const uv_buf_t* buf, const sockaddr* addr,
                        unsigned flags) {
  UdpSocket* self = reinterpret_cast<Handle*>(udp)->owner;
  // nread 0 without an address: nothing was read. Errors (an ICMP report
  // queued by IP_RECVERR) concern earlier sends, which the device never reports.
  if (self == nullptr || addr == nullptr || nread < 0 || !self->attached()) return;
  Boot& b = self->boot();
  if (b.halted()) return;
  auto len = static_cast<size_t>(nread);
  bool truncated = (flags & UV_UDP_PARTIAL) != 0;
  const Profile& profile = b.profile();
  // The device cannot reassemble fragments (IP_REASSEMBLY 0, net.md §5.3).
  if (profile.device && (truncated || len > profile.udp_payload)) {
    self->warn_oversized_receive(len, truncated);
    return;
  }
  if (truncated || !self->callbacks_[kReceive]) return;  // dropped, never buffered (net.md §5.3)
  lua_State* L = b.L();
  lua_pushlstring(L, buf->base, len);
  push_endpoint(L, addr);
  self->emit(kReceive, 3);
}

void UdpSocket::warn_oversized_receive(size_t len, bool truncated) {
  // A truncated read only tells that the datagram filled the read buffer.
  std::string size = truncated ? "more than " + std::to_string(len) : std::to_string(len);
  boot().diagnostics().report(warn::kUdpTooBig, {size},
                              defined_at(boot().L(), callbacks_[kReceive]));
}

int UdpSocket::transmit(const Address& to_in, const char* data, size_t len) {
  Address to = v6_ && !to_in.v6() ? v4_mapped(to_in) : to_in;
  uv_buf_t buf = uv_buf_init(const_cast<char*>(data), static_cast<unsigned>(len));
  int rc = uv_udp_try_send(&handle_->udp, &buf, 1, to.sa());
  if (rc == UV_ECONNREFUSED) {
    // IP_RECVERR surfaced an ICMP report about an earlier datagram; this one was not sent yet.
    rc = uv_udp_try_send(&handle_->udp, &buf, 1, to.sa());
  }
  if (rc >= 0) return kOk;
  switch (rc) {
    case UV_EAGAIN:
    case UV_ENOBUFS: {
      // Queued internally, no error (net.md §5.2 step 7); order is kept by libuv's queue.
      auto* req = new SendReq;
      req->data.assign(data, len);
      uv_buf_t copy = uv_buf_init(req->data.data(), static_cast<unsigned>(len));
      if (uv_udp_send(&req->req, &handle_->udp, &copy, 1, to.sa(),
                      [](uv_udp_send_t* r, int /*status*/) {
                        delete reinterpret_cast<SendReq*>(r);
                      }) != 0) {
        delete req;
      }
      return kOk;
    }
    case UV_ENETUNREACH:
    case UV_EHOSTUNREACH:
      return kRte;
    case UV_EMSGSIZE:
      return kBuf;
    default:
      return kUnknown;
  }
}

void UdpSocket::resolved(const Address* address) {
  lua_State* L = boot().L();
  --lookups_;
  if (!attached()) {
    if (lookups_ == 0) bury();  // detached while the lookup ran (detach)
    return;
  }
  if (address != nullptr) {
    // socket:dns() answers an IPv4 literal here, inside a Lua call: the
    // text is a C++ string, so it is pushed under protection and any error
    // raised once it is gone.
    int status = LUA_OK;
    {
      std::string text = format_ip(address->sa());
      status = lua::push_string(L, text);
    }
    if (status != LUA_OK) lua_error(L);
  } else {
    lua_pushnil(L);
  }
  emit(kDns, 1);
  if (attached()) update_anchor(L);
}

void UdpSocket::detach() {
  for (auto& cb : callbacks_) cb.reset();
  unbind();
  // A lookup in flight holds this object: freed once the last one answers.
  release_lua(lookups_ > 0);
}

void UdpSocket::shutdown(bool /*graceful*/) {
  // The resolver drops its lookups at teardown without answering them.
  for (auto& cb : callbacks_) cb.reset();
  unbind();
  release_lua();
}

// The Lua face of net.udpsocket, argument checks first (net.md §5).
struct UdpSocketApi {
  // Lua errors unwind with longjmp, so nothing with a destructor may be alive
  // where one is raised: the work is done here and the raising left to the caller.
  struct ListenResult {
    enum What { ok, bad_ip, in_use, bind_failed } what;
    int uv;
  };
  static ListenResult listen_at(lua_State* L, UdpSocket* s, uint16_t port, const char* ip) {
    std::optional<Address> requested = parse_ip(ip);
    if (!requested) return {ListenResult::bad_ip, 0};
    warn_if_ipv6(L, ip);
    std::string text = format_ip(requested->sa());
    if (port != 0) {
      for (UdpSocket* other : Boot::from(L).state<UdpSockets>().bound) {
        bool same_ip = other->report_ip() == text || is_any(text) || is_any(other->report_ip());
        if (other->script_port() == port && same_ip) return {ListenResult::in_use, 0};
      }
    }
    int rc = s->bind(L, port, *requested);
    return {rc == 0 ? ListenResult::ok : ListenResult::bind_failed, rc};
  }

  static int listen(lua_State* L) {
    UdpSocket* s = UdpSocket::check(L, 1);
    if (s->bound()) lua::raise(L, "already listening");
    // Arguments are scanned by position as for a server, without the callback (net.md §5.1).
    int i = 2;
    uint16_t port = 0;
    if (lua_type(L, i) == LUA_TNUMBER || (lua_type(L, i) == LUA_TSTRING && lua_isnumber(L, i))) {
      port = static_cast<uint16_t>(static_cast<lua_Integer>(lua_tonumber(L, i)) & 0xFFFF);
      ++i;
    }
    const char* ip = "0.0.0.0";
    if (lua_type(L, i) == LUA_TSTRING || lua_type(L, i) == LUA_TNUMBER) ip = lua_tostring(L, i);
    ListenResult result = listen_at(L, s, port, ip);
    switch (result.what) {
      case ListenResult::ok:
        break;
      case ListenResult::bad_ip:
        lua::raise(L, "invalid IP address");
      case ListenResult::in_use:
        lua::raise(L, "%s", err_message(kUse));
      case ListenResult::bind_failed:
        return raise_bind_error(L, result.uv, port);
    }
    s->update_anchor(L, 1);
    return 0;
  }

  static int send(lua_State* L) {
    UdpSocket* s = UdpSocket::check(L, 1);
    // Checks in the device's order (net.md §5.2 steps 1-4).
    lua_Integer port = luaL_checkinteger(L, 2) & 0xFFFF;
    if (port == 0) lua::raise(L, "need port");
    const char* ip = luaL_checkstring(L, 3);
    std::optional<Address> to = parse_ip(ip, static_cast<uint16_t>(port));  // names not resolved
    if (!to) lua::raise(L, "invalid IP address");
    size_t len = 0;
    const char* data = luaL_checklstring(L, 4, &len);
    if (len == 0) lua::raise(L, "no data to send");
    if (lua_isfunction(L, 5)) s->set_callback(L, UdpSocket::kSent, 5, "sent");
    warn_if_ipv6(L, ip);
    Boot& boot = Boot::from(L);
    if (!s->bound()) {
      // Auto-bind to an ephemeral port on all interfaces; IPv6 only for an IPv6 peer (§12.2).
      Address any = to->v6() ? *parse_ipv6("::") : *parse_ipv4("0.0.0.0");
      int rc = s->bind(L, 0, any);
      if (rc != 0) return raise_bind_error(L, rc, 0);
      s->update_anchor(L, 1);
    }
    const Profile& profile = boot.profile();
    size_t limit = profile.udp_payload + (to->v6() ? kIpv6Extra : 0);
    int code = kOk;
    if (len > limit && profile.device) {
      // The device does no IP fragmentation: not sent, "sent" fires, nothing raised (§5.2).
      boot.diagnostics().report(warn::kUdpTooBig, {std::to_string(len)}, lua::where(L, 1));
    } else if (len > limit) {
      code = kBuf;
    } else {
      code = s->transmit(*to, data, len);
    }
    // "sent" runs before send returns, whether or not sending worked; only then a failure raises.
    s->emit(UdpSocket::kSent, 0);
    if (code != kOk) lua::raise(L, "%s", err_message(code));
    return 0;
  }

  static int on(lua_State* L) {
    UdpSocket* s = UdpSocket::check(L, 1);
    int e = check_on_args(L, kEventNames, UdpSocket::kEvents);
    s->set_callback(L, static_cast<UdpSocket::Event>(e), 3, kEventNames[e]);
    return 0;
  }

  static int dns(lua_State* L) {
    UdpSocket* s = UdpSocket::check(L, 1);
    const char* name = luaL_checkstring(L, 2);
    if (lua_isfunction(L, 3)) s->set_callback(L, UdpSocket::kDns, 3, "dns");
    if (!s->callbacks_[UdpSocket::kDns]) lua::raise(L, "no callback specified");
    warn_if_ipv6(L, name);
    // The socket stays anchored until the answer (net.md §4.6).
    if (auto literal = parse_ipv4(name)) {
      ++s->lookups_;
      s->update_anchor(L, 1);
      s->resolved(&*literal);  // an IPv4 literal answers before dns() returns (§4.9)
      return 0;
    }
    Boot& boot = Boot::from(L);
    int rc = Resolver::of(boot).lookup(name, [s](const Address* address) { s->resolved(address); });
    if (rc == kMem) boot.diagnostics().report(warn::kDnsTableFull, {}, lua::where(L, 1));
    if (rc != kOk) lua::raise(L, "%s", err_message(rc));
    ++s->lookups_;
    s->update_anchor(L, 1);
    return 0;
  }

  static int close(lua_State* L) {
    UdpSocket* s = UdpSocket::check(L, 1);
    if (!s->bound()) lua::raise(L, "not connected");
    s->unbind();
    s->update_anchor(L);  // pending lookups keep it (net.md §5.4)
    return 0;
  }

  static int getaddr(lua_State* L) {
    UdpSocket* s = UdpSocket::check(L, 1);
    if (!s->bound()) {
      lua_pushnil(L);
      lua_pushnil(L);
      return 2;
    }
    lua_pushinteger(L, s->script_port_);
    lua_pushstring(L, s->report_ip_.c_str());
    return 2;
  }

  static int ttl(lua_State* L) {
    UdpSocket* s = UdpSocket::check(L, 1);
    if (!s->bound()) lua::raise(L, "socket is not open/bound yet");
    lua_Integer value = luaL_optinteger(L, 2, -1);
    if (value == -1) {
      lua_pushinteger(L, s->ttl_ >= 0 ? s->ttl_ : read_ttl(s->fd()));
      return 1;
    }
    // One TTL for unicast and multicast, as on the device (net.md §5.4).
    s->ttl_ = static_cast<int>(value & 0xFF);
    apply_ttl(s->fd(), s->ttl_);
    lua_pushinteger(L, s->ttl_);
    return 1;
  }
};

namespace {
constexpr luaL_Reg kMethods[] = {
    {"listen", UdpSocketApi::listen},   {"close", UdpSocketApi::close},
    {"on", UdpSocketApi::on},           {"send", UdpSocketApi::send},
    {"dns", UdpSocketApi::dns},         {"ttl", UdpSocketApi::ttl},
    {"getaddr", UdpSocketApi::getaddr}, {nullptr, nullptr},
};
}  // namespace

void register_udp_socket(lua_State* L) {
  lua::new_class(L, UdpSocket::kMetatable, kMethods, gc_detach<UdpSocket>);
  lua_pop(L, 1);
}

int create_udp_socket(lua_State* L) {
  lua_settop(L, 0);  // no parameters (net.md §2.3)
  UdpSocket::push_new(L);
  return 1;
}

}  // namespace nmh::net
