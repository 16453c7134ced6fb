-- args: --profile host --dns-server 192.0.2.1
-- net.md §7.2: the host profile also takes an IPv6 literal (not "::") and a
-- port suffix, "a.b.c.d:port" or "[v6]:port"; getdnsserver returns exactly
-- the text set. The IPv4 rules still hold for the IPv4 part.
local check = require "lib.check"
local dns = net.dns
for _, good in ipairs{ "127.0.0.1:5353", "[::1]:5353", "2001:DB8::1", "::1", "[fd00::53]:53" } do
  dns.setdnsserver(good, 1)
  check.eq(dns.getdnsserver(1), good, "text as set")
end
for _, bad in ipairs{ "::", "[::]:53", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536",
                      "127.0.0.1:x", "0.0.0.0:53", "255.255.255.255:53", "[::1]", "[::1]53",
                      "[127.0.0.1]:53", "0192.0168.0001.01:53", "host.example:53" } do
  check.raises("invalid dns server ip", function() dns.setdnsserver(bad) end)
end
check.eq(dns.getdnsserver(0), "192.0.2.1", "slot 0 unchanged by the failures")
print("ok")
