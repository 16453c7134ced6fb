// DNS for the net module (net.md §7): c-ares driven by the boot's libuv loop.
#pragma once

#include <functional>
#include <string_view>

#include "lua/lua.hpp"
#include "modules/net/address.hpp"
#include "runtime/resource.hpp"

namespace nmh::net {

class Resolver;

// The lookup API the sockets and net.dns use. One per boot, made on first use.
class Resolver {
 public:
  static Resolver& of(Boot& boot);
  virtual ~Resolver() = default;

  // address is nullptr when the lookup failed.
  using Done = std::function<void(const Address* address)>;

  // Checks and starts a lookup of name (net.md §7.1, §7.3, §7.4). Returns
  // kOk, kArg for an empty name or one of 256+ characters, or kMem when the
  // profile's table of lookups in flight is full (the caller raises the
  // message and prints W-NET10). An IPv4 literal calls done before returning
  // (net.md §4.9); any other result arrives later from the loop, never inside
  // lookup. A lookup pending at teardown ends without calling done.
  virtual int lookup(std::string_view name, Done done) = 0;
};

// net.dns.resolve, net.dns.getdnsserver, net.dns.setdnsserver (net.md §7.1, §7.2).
int dns_resolve(lua_State* L);
int dns_getdnsserver(lua_State* L);
int dns_setdnsserver(lua_State* L);

}  // namespace nmh::net
