// net.dns (net.md §7.1, §7.2). The resolver itself is in resolver.cpp.
//
// Lua errors unwind with longjmp through these functions, so every C++ object
// with a destructor lives in an inner block that ends before a raise or
// lua_call.
#include "modules/net/dns.hpp"

#include <arpa/inet.h>

#include <cstring>
#include <memory>
#include <utility>

#include "lua/box.hpp"
#include "lua/error.hpp"
#include "lua/ref.hpp"
#include "modules/net/errors.hpp"
#include "modules/net/resolver.hpp"
#include "modules/net/warnings.hpp"
#include "runtime/boot.hpp"
#include "runtime/device.hpp"

namespace nmh::net {

namespace {

// The device's DNS_MAX_NAME_LENGTH check (net.md §7.1, §13), on the name as
// the C string lwIP sees.
bool legal_name(std::string_view name) {
  name = name.substr(0, name.find('\0'));
  return !name.empty() && name.size() < 256;
}

}  // namespace

int dns_resolve(lua_State* L) {
  size_t len = 0;
  const char* host = luaL_checklstring(L, 1, &len);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  const std::string_view name(host, len);
  if (!legal_name(name)) lua::raise(L, "%s", err_message(kArg));
  Boot& boot = Boot::from(L);

  // An IPv4 literal: the device calls back inside resolve, unprotected, so an
  // error in the callback is an error of this call (net.md §4.9, §0.4).
  char literal[INET_ADDRSTRLEN] = "";
  if (auto v4 = parse_ipv4(name.substr(0, name.find('\0')))) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(v4->sa())->sin_addr, literal,
              sizeof literal);
  }
  if (literal[0] != '\0') {
    lua_pushvalue(L, 2);
    lua_pushnil(L);
    lua_pushstring(L, literal);
    lua_call(L, 2, 0);
    return 0;
  }

  int rc = kOk;
  {
    if (boot.profile().device && parse_ipv6(name)) {
      boot.diagnostics().report(warn::kIpv6, {}, lua::where(L, 1));
    }
    // The reference before the shared block: making it may raise (out of
    // memory), which must not happen with that block half made.
    lua::Ref ref(L, 2);
    auto callback = std::make_shared<lua::Ref>(std::move(ref));
    Boot* owner = &boot;
    rc = Resolver::of(boot).lookup(name, [owner, callback](const Address* address) {
      lua_State* ML = owner->L();
      if (ML == nullptr) return;
      callback->push(ML);
      lua_pushnil(ML);  // the first argument is always nil (net.md §7.1)
      if (address != nullptr) {
        std::string text = format_ip(address->sa());
        lua_pushlstring(ML, text.data(), text.size());
      } else {
        lua_pushnil(ML);
      }
      owner->invoke(2, CallbackKind::net);
    });
    if (rc == kMem && boot.profile().device) {
      boot.diagnostics().report(warn::kDnsTableFull, {}, lua::where(L, 1));
    }
  }
  if (rc != kOk) lua::raise(L, "%s", err_message(rc));
  return 0;
}

int dns_getdnsserver(lua_State* L) {
  const lua_Integer index = luaL_optinteger(L, 1, 0);
  if (index >= kDnsSlots) lua::raise(L, "server index out of range [0-%d]", kDnsSlots - 1);
  // The device's dns_getserver takes a u8_t: a negative index reads no slot.
  if (index < 0) {
    lua_pushnil(L);
    return 1;
  }
  int status = LUA_OK;
  {
    std::string text = dns_server_text(Boot::from(L).device(), static_cast<int>(index));
    if (text.empty()) {
      lua_pushnil(L);
    } else {
      status = lua::push_string(L, text);
    }
  }
  if (status != LUA_OK) return lua_error(L);
  return 1;
}

int dns_setdnsserver(lua_State* L) {
  size_t len = 0;
  const char* ip = luaL_checklstring(L, 1, &len);
  Boot& boot = Boot::from(L);
  // The device checks the address before the index (net.md §7.2).
  const std::string_view text(ip, len);
  const std::optional<Address> server = parse_dns_server(text, boot.profile().dns_ipv6);
  if (!server) lua::raise(L, "invalid dns server ip");
  const lua_Integer index = luaL_optinteger(L, 2, 0);
  if (index >= kDnsSlots) lua::raise(L, "server index out of range [0-%d]", kDnsSlots - 1);
  // dns_setserver takes a u8_t: a negative index is out of its range, a no-op.
  if (index < 0) return 0;
  {
    // A plain IPv4 address reads back as the device prints it ("10.1" gives
    // "10.0.0.1"); the host's forms read back exactly as set (§7.2).
    Persistent& state = boot.device().persistent();
    state.dns_servers[index] =
        text.find(':') == std::string_view::npos ? format_ip(server->sa()) : std::string(text);
    state.dns_servers_set = true;
    if (CaresResolver* resolver = find_resolver(boot)) {
      resolver->server_changed(static_cast<int>(index));
    }
  }
  return 0;
}

}  // namespace nmh::net
