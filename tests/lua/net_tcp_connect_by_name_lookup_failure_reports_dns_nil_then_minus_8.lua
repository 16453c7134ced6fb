-- args: --dns-server 127.0.0.1:9
-- net.md §4.1 step 7 and §9.3: a connect whose lookup fails fires "dns"
-- with nil, then "reconnection" with -8 (host decision, net.md §16.1). The
-- DNS server is a closed loopback port, so the lookup fails at once.
local check = require "lib.check"
local events = {}
local guard = tmr.create()
guard:alarm(20000, tmr.ALARM_SINGLE, function() error("no final event: " .. table.concat(events, ",")) end)
local sk = net.createConnection()
sk:on("dns", function(s, ip)
  check.eq(s, sk, "dns socket")
  events[#events + 1] = "dns:" .. tostring(ip)
end)
sk:on("disconnection", function() events[#events + 1] = "disconnection" end)
sk:on("reconnection", function(s, code)
  events[#events + 1] = "reconnection:" .. code
  check.eq(table.concat(events, ","), "dns:nil,reconnection:-8", "events")
  check.raises("not connected", function() s:close() end)
  guard:unregister()
end)
sk:connect(80, "no-such-host.invalid")
check.eq(select(2, sk:getpeer()), "0.0.0.0", "peer while resolving")
