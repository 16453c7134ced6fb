-- args: --dns-server 127.0.0.1:9
-- stderr: ^nodemcu-host: warning: W-NET11: IPv6 address used: the ESP8266 firmware supports IPv4 only \(at net_dns_resolve_ipv6_literal_is_normalized_with_w_net11\.lua:9\)$
-- net.md §7.1, §7.3, §12.1: resolve accepts IPv6 literals (esp8266 warns
-- W-NET11) and returns them as lower-case RFC 5952 text, an IPv4-mapped
-- address as the dotted quad. Only IPv4 literals call back synchronously
-- (§4.9); these arrive from the loop. No server is asked (port 9 is closed).
local check = require "lib.check"
local answered -- set below: the answers come from the loop
net.dns.resolve("2001:DB8:0:0:0:0:0:1", check.calls("ipv6", 1, function(first, ip)
  check.eq(first, nil, "first argument")
  check.eq(ip, "2001:db8::1", "normalized IPv6")
  answered()
end))
net.dns.resolve("::FFFF:10.0.0.1", check.calls("mapped", 1, function(_, ip)
  check.eq(ip, "10.0.0.1", "IPv4-mapped")
  answered()
end))
check.eq(check.count("ipv6") + check.count("mapped"), 0, "callbacks inside resolve")
function answered()
  if check.count("ipv6") + check.count("mapped") == 2 then
    check.done()
    print("ok")
  end
end
