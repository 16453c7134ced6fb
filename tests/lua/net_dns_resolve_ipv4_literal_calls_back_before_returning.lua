-- net.md §7.1, §4.9: an IPv4 literal, in any inet_aton form, calls back
-- inside resolve with (nil, dotted quad); an error in that callback is an
-- error of the resolve call, as on the device (called unprotected).
local check = require "lib.check"
local got = {}
net.dns.resolve("10.1", function(first, ip) got[#got + 1] = { first, ip } end)
check.eq(#got, 1, "callbacks before resolve returned")
check.eq(got[1][1], nil, "first argument")
check.eq(got[1][2], "10.0.0.1", "normalized literal")
net.dns.resolve("0x7f.1", function(_, ip) got[#got + 1] = { nil, ip } end)
check.eq(got[2][2], "127.0.0.1", "hex form")
net.dns.resolve(167772161, function(_, ip) got[#got + 1] = { nil, ip } end)
check.eq(got[3][2], "10.0.0.1", "a number is its text, one inet_aton part")
check.raises("boom", function()
  net.dns.resolve("1.2.3.4", function() error("boom", 0) end)
end)
print("ok")
