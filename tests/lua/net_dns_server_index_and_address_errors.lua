-- args: --dns-server 192.0.2.1
-- net.md §7.2 (esp8266): index is an optional integer, default 0; 2 or more
-- raises "server index out of range [0-1]"; a negative index makes
-- setdnsserver a no-op and getdnsserver return nil. setdnsserver checks the
-- address (an IPv4 literal of at most 16 characters, not 0.0.0.0 or
-- 255.255.255.255) before the index.
local check = require "lib.check"
local dns = net.dns
check.raises("server index out of range [0-1]", function() dns.getdnsserver(2) end)
check.raises("server index out of range [0-1]", function() dns.getdnsserver(1000) end)
check.raises("bad argument #1 to 'getdnsserver' (number expected, got table)", function()
  dns.getdnsserver({})
end)
check.raises("bad argument #1 to 'getdnsserver' (number expected, got string)", function()
  dns.getdnsserver("one")
end)
check.eq(dns.getdnsserver(-1), nil, "negative index")
check.eq(dns.getdnsserver(), "192.0.2.1", "default index 0")
check.eq(dns.getdnsserver("0"), "192.0.2.1", "numeric string index")
check.eq(dns.getdnsserver(1), nil, "empty slot")

check.raises("bad argument #1 to 'setdnsserver' (string expected, got no value)", function()
  dns.setdnsserver()
end)
check.raises("bad argument #1 to 'setdnsserver' (string expected, got table)", function()
  dns.setdnsserver({})
end)
for _, bad in ipairs{ "", "0.0.0.0", "255.255.255.255", "0xffffffff", "1.2.3.256", "dns.example",
                      "192.168.100.100.1", "0192.0168.0001.01", "8.8.8.8:53", "::1", "[::1]:53" } do
  check.raises("invalid dns server ip", function() dns.setdnsserver(bad) end)
end
-- The address is checked first: a bad address with a bad index names the address.
check.raises("invalid dns server ip", function() dns.setdnsserver("0.0.0.0", 5) end)
check.raises("server index out of range [0-1]", function() dns.setdnsserver("8.8.8.8", 2) end)
check.raises("bad argument #2 to 'setdnsserver' (number expected, got table)", function()
  dns.setdnsserver("8.8.8.8", {})
end)

check.eq(dns.setdnsserver("8.8.8.8", -1), nil, "negative index returns nothing")
check.eq(dns.getdnsserver(0), "192.0.2.1", "slot 0 after a negative index")
check.eq(dns.getdnsserver(1), nil, "slot 1 after a negative index")
check.eq(dns.setdnsserver("10.1", 1), nil, "setdnsserver returns nothing")
check.eq(dns.getdnsserver(1), "10.0.0.1", "slot 1 reads back as a dotted quad")
dns.setdnsserver("9.9.9.9")
check.eq(dns.getdnsserver(0), "9.9.9.9", "default index 0")
dns.setdnsserver("010.000.000.0001", 1) -- 16 characters, octal parts
check.eq(dns.getdnsserver(1), "8.0.0.1", "16 characters are allowed")
print("ok")
