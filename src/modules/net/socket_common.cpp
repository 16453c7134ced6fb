#include "modules/net/socket_common.hpp"

#include <netinet/in.h>
#include <uv.h>
#include <cstring>

#include "lua/error.hpp"
#include "modules/net/address.hpp"
#include "modules/net/sockopt.hpp"
#include "modules/net/warnings.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"
#include "runtime/profile.hpp"

namespace nmh::net {

int check_on_args(lua_State* L, const char* const* names, int count) {
  const char* name = luaL_checkstring(L, 2);
  int e = 0;
  while (e < count && std::strcmp(names[e], name) != 0) ++e;
  if (e == count) lua::raise(L, "invalid callback name");
  if (!lua_isnoneornil(L, 3) && !lua_isfunction(L, 3)) lua::raise(L, "invalid callback function");
  return e;
}

void warn_self_capture(lua_State* L, int self_idx, int fn_idx, const char* event) {
  Boot& boot = Boot::from(L);
  if (!boot.profile().device) return;
  for (int i = 1;; ++i) {
    const char* name = lua_getupvalue(L, fn_idx, i);
    if (name == nullptr) return;
    bool same = lua_rawequal(L, -1, self_idx) != 0;
    lua_pop(L, 1);
    if (same) {
      boot.diagnostics().report(warn::kSelfCapture, {event}, lua::where(L, 1));
      return;
    }
  }
}

void warn_if_ipv6(lua_State* L, const std::string& text) {
  Boot& boot = Boot::from(L);
  if (boot.profile().device && parse_ipv6(text)) {
    boot.diagnostics().report(warn::kIpv6, {}, lua::where(L, 1));
  }
}

void warn_if_hoarding(Boot& boot, const lua::Ref& receive, size_t delivered, size_t baseline) {
  lua_State* L = boot.L();
  lua_gc(L, LUA_GCCOLLECT, 0);
  size_t now = boot.heap().in_use();
  size_t growth = now > baseline ? now - baseline : 0;
  if (growth <= delivered / 2) return;
  // Located where the receive callback is defined (net.md §0.5).
  boot.diagnostics().report(warn::kReceiveHoards,
                            {std::to_string(growth), std::to_string(delivered)},
                            callback_location(L, receive));
}

std::string callback_location(lua_State* L, const lua::Ref& fn) {
  if (!fn) return {};
  fn.push(L);
  lua_Debug ar;
  if (lua_getinfo(L, ">S", &ar) != 0 && ar.linedefined > 0) {
    return std::string(ar.short_src) + ":" + std::to_string(ar.linedefined);
  }
  return {};
}

void note_errno(Boot& boot, const char* operation, int uv_status) {
  boot.diagnostics().report(warn::kErrnoNotice,
                            {operation, uv_err_name(uv_status), uv_strerror(uv_status)});
}

void apply_ttl(int fd, int ttl) {
  if (fd < 0 || ttl < 0) return;
  int value = ttl == 0 ? 1 : ttl;  // Linux rejects 0
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return;
  set_ttl(fd, ss.ss_family, value);
}

uint16_t map_port(lua_State* L, uint16_t port) {
  const Options& options = Boot::from(L).device().options();
  for (const PortMap& m : options.port_maps) {
    if (m.device_port == port) {
      if (m.host_port != 0) announce_port(L, port, static_cast<uint16_t>(m.host_port));
      return static_cast<uint16_t>(m.host_port);
    }
  }
  if (options.port_map_auto && port != 0 && port < 1024) {
    auto host = static_cast<uint16_t>(8000 + port);
    announce_port(L, port, host);
    return host;
  }
  return port;
}

void announce_port(lua_State* L, uint16_t device_port, uint16_t host_port) {
  Boot::from(L).diagnostics().report(warn::kPort,
                                     {"port " + std::to_string(device_port) +
                                      " is served on host port " + std::to_string(host_port)},
                                     lua::where(L, 1));
}

int push_endpoint(lua_State* L, const sockaddr* sa) {
  Address a;
  std::memcpy(&a.storage, sa,
              sa->sa_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in));
  lua_pushinteger(L, a.port());
  push_ip(L, sa);
  return 2;
}

}  // namespace nmh::net
