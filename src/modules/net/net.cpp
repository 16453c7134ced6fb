// The net module (net.md): constructors, DNS, multicast and the module table.
#include "lua/box.hpp"
#include "modules/net/dns.hpp"
#include "modules/net/ifinfo.hpp"
#include "modules/net/multicast.hpp"
#include "modules/net/tcp_server.hpp"
#include "modules/net/tcp_socket.hpp"
#include "modules/net/udp_socket.hpp"
#include "modules/net/warnings.hpp"
#include "runtime/boot.hpp"
#include "runtime/modules.hpp"
#include "runtime/profile.hpp"

namespace nmh {

namespace {

// The ESP8266 ignores every argument and returns a TCP socket (net.md §2.1).
int create_connection(lua_State* L) {
  Boot& boot = Boot::from(L);
  if (boot.profile().device) {
    bool udp = lua_type(L, 1) == LUA_TNUMBER && lua_tointeger(L, 1) == 2;
    bool secure =
        lua_toboolean(L, 2) != 0 && !(lua_type(L, 2) == LUA_TNUMBER && lua_tonumber(L, 2) == 0);
    if (udp || secure) boot.diagnostics().report(net::warn::kConnectionArgs, {}, lua::where(L, 1));
  }
  lua_settop(L, 0);
  net::TcpSocket::push_new(L);
  return 1;
}

constexpr luaL_Reg kDns[] = {
    {"resolve", net::dns_resolve},
    {"getdnsserver", net::dns_getdnsserver},
    {"setdnsserver", net::dns_setdnsserver},
    {nullptr, nullptr},
};

constexpr luaL_Reg kNet[] = {
    {"createConnection", create_connection},
    {"createServer", net::create_server},
    {"createUDPSocket", net::create_udp_socket},
    {"multicastJoin", net::multicast_join},
    {"multicastLeave", net::multicast_leave},
    {"ifinfo", net::ifinfo},
    {"ping", net::ping},
    {nullptr, nullptr},
};

constexpr lua::IntConst kConstants[] = {
    {"TCP", 1},
    {"UDP", 2},
    {nullptr, 0},
};

}  // namespace

int open_net(lua_State* L) {
  net::register_tcp_socket(L);
  net::register_tcp_server(L);
  net::register_udp_socket(L);
  lua::new_lib(L, kNet, kConstants, 1);  // and dns
  luaL_newlib(L, kDns);
  lua_setfield(L, -2, "dns");
  return 1;
}

}  // namespace nmh
