// Address parsing and formatting (net.md §3.1 step 4, §12.1).
#include "modules/net/address.hpp"

#include <gtest/gtest.h>
#include <net/if.h>

namespace nmh::net {
namespace {

std::string v4(std::string_view text) {
  auto a = parse_ipv4(text);
  return a ? format_ip(a->sa()) : "none";
}

std::string v6(std::string_view text) {
  auto a = parse_ipv6(text);
  return a ? format_ip(a->sa()) : "none";
}

TEST(Address, Ipv4TakesEveryInetAtonForm) {
  EXPECT_EQ(v4("192.168.4.1"), "192.168.4.1");
  EXPECT_EQ(v4("10.1"), "10.0.0.1");         // a.b: b fills 24 bits
  EXPECT_EQ(v4("10.1.2"), "10.1.0.2");       // a.b.c: c fills 16 bits
  EXPECT_EQ(v4("167772161"), "10.0.0.1");    // one part: 32 bits
  EXPECT_EQ(v4("0x7f.0.0.1"), "127.0.0.1");  // hex part
  EXPECT_EQ(v4("0X7F.1"), "127.0.0.1");
  EXPECT_EQ(v4("010.0.0.1"), "8.0.0.1");  // octal part
  EXPECT_EQ(v4("4294967295"), "255.255.255.255");
  EXPECT_EQ(v4("0"), "0.0.0.0");
}

TEST(Address, Ipv4RejectsWhatIsNotALiteral) {
  for (const char* bad : {"", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "1.2.65536", "4294967296",
                          "a.b.c.d", "example.com", "1.2.3.", ".1.2.3", "08.1.1.1", " 1.2.3.4",
                          "1.2.3.4 ", "1.2.3.4x", "::1", "-1"}) {
    EXPECT_FALSE(parse_ipv4(bad).has_value()) << '"' << bad << '"';
  }
  // Longer than any literal can be.
  EXPECT_FALSE(parse_ipv4(std::string(64, '1')).has_value());
}

TEST(Address, Ipv4CarriesThePort) {
  auto a = parse_ipv4("1.2.3.4", 8080);
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->v6());
  EXPECT_EQ(a->port(), 8080);
  EXPECT_EQ(a->size(), sizeof(sockaddr_in));
  a->set_port(53);
  EXPECT_EQ(a->port(), 53);
}

TEST(Address, Ipv6IsPrintedAsLowerCaseRfc5952) {
  EXPECT_EQ(v6("::1"), "::1");
  EXPECT_EQ(v6("::"), "::");
  EXPECT_EQ(v6("2001:DB8:0:0:0:0:0:1"), "2001:db8::1");
  EXPECT_EQ(v6("2001:0db8:0000:0000:0001:0000:0000:0001"),
            "2001:db8::1:0:0:1");                                 // first longest run
  EXPECT_EQ(v6("2001:db8:0:0:1:0:0:0"), "2001:db8:0:0:1::");      // the longest run wins
  EXPECT_EQ(v6("2001:db8:0:1:1:1:1:1"), "2001:db8:0:1:1:1:1:1");  // a single 0 stays
  EXPECT_EQ(v6("FE80::ABCD"), "fe80::abcd");
}

TEST(Address, Ipv4MappedIpv6IsPrintedAsADottedQuad) {
  EXPECT_EQ(v6("::ffff:10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(v6("::FFFF:0a00:0001"), "10.0.0.1");
  auto a = parse_ipv6("::ffff:127.0.0.1", 80);
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->v6());  // still an IPv6 socket address
  EXPECT_EQ(a->size(), sizeof(sockaddr_in6));
  EXPECT_EQ(a->port(), 80);
}

TEST(Address, Ipv6RejectsWhatIsNotALiteral) {
  for (const char* bad : {"", "1.2.3.4", "12345::1", ":::", "1:2:3:4:5:6:7:8:9", "[::1]", "::1%",
                          "fe80::1%no-such-interface-x", "fe80::1%0", "::g"}) {
    EXPECT_FALSE(parse_ipv6(bad).has_value()) << '"' << bad << '"';
  }
}

TEST(Address, Ipv6ZoneIsAnInterfaceNameOrIndex) {
  auto numeric = parse_ipv6("fe80::1%7", 5);
  ASSERT_TRUE(numeric);
  EXPECT_EQ(reinterpret_cast<const sockaddr_in6*>(numeric->sa())->sin6_scope_id, 7u);
  EXPECT_EQ(numeric->port(), 5);
  EXPECT_EQ(format_ip(numeric->sa()), "fe80::1");  // the zone is not printed
  unsigned lo = if_nametoindex("lo");
  if (lo != 0) {
    auto named = parse_ipv6("fe80::1%lo");
    ASSERT_TRUE(named);
    EXPECT_EQ(reinterpret_cast<const sockaddr_in6*>(named->sa())->sin6_scope_id, lo);
  }
}

TEST(Address, ParseIpTriesIpv4First) {
  auto a = parse_ip("10.1", 1);
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->v6());
  EXPECT_EQ(format_ip(a->sa()), "10.0.0.1");
  auto b = parse_ip("::1", 2);
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->v6());
  EXPECT_EQ(b->port(), 2);
  EXPECT_FALSE(parse_ip("name.example").has_value());
}

TEST(Address, FormatOfAnotherFamilyIsEmpty) {
  sockaddr_storage unix_address{};
  unix_address.ss_family = AF_UNIX;
  EXPECT_EQ(format_ip(reinterpret_cast<const sockaddr*>(&unix_address)), "");
}

}  // namespace
}  // namespace nmh::net
