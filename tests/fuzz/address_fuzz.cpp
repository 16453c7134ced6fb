// The address parser (net.md §3.1, §12.1): IPv4 literals in every inet_aton
// form and IPv6 literals with an optional zone. A parsed address formats to
// text that parses back to the same address, and that text is canonical
// (formatting it again gives it again); any 4 or 16 raw bytes do the same.
#include <arpa/inet.h>
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "modules/net/address.hpp"

namespace {

using nmh::net::Address;

void check(bool ok) {
  if (!ok) std::abort();
}

const in_addr& v4(const Address& a) {
  return reinterpret_cast<const sockaddr_in*>(&a.storage)->sin_addr;
}
const in6_addr& v6(const Address& a) {
  return reinterpret_cast<const sockaddr_in6*>(&a.storage)->sin6_addr;
}

// The text of a, parsed again, is the same address; IPv4-mapped IPv6
// addresses print as their dotted quad (§12.1) and come back as IPv4.
void round_trip(const Address& a) {
  std::string text = nmh::net::format_ip(a.sa());
  check(!text.empty());
  std::optional<Address> back = nmh::net::parse_ip(text, a.port());
  check(back.has_value());
  check(back->port() == a.port());
  if (!a.v6()) {
    check(!back->v6() && v4(*back).s_addr == v4(a).s_addr);
  } else if (IN6_IS_ADDR_V4MAPPED(&v6(a))) {
    check(!back->v6() && std::memcmp(&v4(*back), &v6(a).s6_addr[12], 4) == 0);
  } else {
    check(back->v6() && std::memcmp(&v6(*back), &v6(a), sizeof(in6_addr)) == 0);
  }
  check(nmh::net::format_ip(back->sa()) == text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  auto port = fdp.ConsumeIntegral<uint16_t>();
  std::string text = fdp.ConsumeRemainingBytesAsString();

  std::optional<Address> a4 = nmh::net::parse_ipv4(text, port);
  std::optional<Address> a6 = nmh::net::parse_ipv6(text, port);
  std::optional<Address> any = nmh::net::parse_ip(text, port);
  if (a4) {
    check(!a4->v6() && a4->port() == port);
    check(any && !any->v6() && v4(*any).s_addr == v4(*a4).s_addr);
    round_trip(*a4);
  }
  if (a6) {
    check(a6->v6() && a6->port() == port);
    if (!a4) check(any && any->v6() && std::memcmp(&v6(*any), &v6(*a6), sizeof(in6_addr)) == 0);
    round_trip(*a6);
  }
  if (!a4 && !a6) check(!any);

  // The same bytes as raw addresses, formatted and parsed back.
  if (text.size() >= 4) {
    Address raw;
    auto* sin = reinterpret_cast<sockaddr_in*>(&raw.storage);
    sin->sin_family = AF_INET;
    std::memcpy(&sin->sin_addr, text.data(), 4);
    raw.set_port(port);
    round_trip(raw);
  }
  if (text.size() >= 16) {
    Address raw;
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&raw.storage);
    sin6->sin6_family = AF_INET6;
    std::memcpy(&sin6->sin6_addr, text.data(), 16);
    raw.set_port(port);
    round_trip(raw);
  }
  return 0;
}
