-- args: --profile host
-- net.md §15 (net_ping.c): a failed lookup calls the received callback once
-- with 0 and never the sent callback. The DNS server is a closed local port,
-- so the lookup fails at once (net.md §7.2 host extension).
local check = require "lib.check"
local probe = net.createUDPSocket()
probe:listen(0, "127.0.0.1")
local closed = probe:getaddr()
probe:close()
net.dns.setdnsserver("127.0.0.1:" .. closed, 0)
net.dns.setdnsserver("127.0.0.1:" .. closed, 1)
local calls = 0
local guard = tmr.create()
guard:alarm(20000, tmr.ALARM_SINGLE, function() error("no report") end)
net.ping("no-such-host.invalid", 3, function(...)
  calls = calls + 1
  check.eq(calls, 1, "one report")
  check.eq(select("#", ...), 1, "one value")
  check.eq((...), 0, "zero bytes")
  guard:unregister()
end, function() error("sent callback after a failed lookup") end)
