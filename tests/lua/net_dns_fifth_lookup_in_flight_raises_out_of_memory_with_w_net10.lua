-- args: --dns-server 127.0.0.1:9
-- stderr: ^nodemcu-host: warning: W-NET10: more than 4 concurrent DNS lookups \(ESP8266 DNS_TABLE_SIZE = 4\): raised "out of memory" as the device does \(at .*w_net10\.lua:27\)$
-- net.md §7.4, §13: esp8266 allows 4 lookups in flight (DNS_TABLE_SIZE);
-- the fifth raises "out of memory" with W-NET10. Literals take no entry, and
-- an answered lookup frees its entry before its callback runs. The server is
-- a closed port, so every lookup fails, but only from the loop.
local check = require "lib.check"
local answered = 0
local cb
-- Each lookup answers exactly once; one refused with "out of memory" never.
local function counted(name, n) return check.calls(name, n, cb) end
function cb(first, ip)
  check.eq(first, nil, "first argument")
  check.eq(ip, nil, "answer from a closed port")
  answered = answered + 1
  if answered == 1 then
    -- Three still in flight: one more fits, the next does not.
    net.dns.resolve("host6.invalid", counted("host6", 1))
    check.raises("out of memory", function() net.dns.resolve("host7.invalid", counted("host7", 0)) end)
  elseif answered == 5 then
    check.done()
    print("ok")
  end
end
for i = 1, 4 do net.dns.resolve("host" .. i .. ".invalid", counted("host" .. i, 1)) end
check.raises("out of memory", function()
  net.dns.resolve("host5.invalid", counted("host5", 0))
end)
local literal
net.dns.resolve("10.0.0.9", check.calls("literal", 1, function(_, ip) literal = ip end))
check.eq(literal, "10.0.0.9", "a literal while the table is full")
check.raises("out of memory", function() net.dns.resolve("::1", counted("::1", 0)) end)
