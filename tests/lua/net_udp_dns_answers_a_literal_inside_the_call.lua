-- net.md §5.4, §4.6: dns needs a callback ("no callback specified"), an IPv4
-- literal answers before dns returns, and the callback given stays.
local check = require "lib.check"
local u = net.createUDPSocket()
check.raises("no callback specified", function() u:dns("127.0.0.1") end)
check.raises_like("bad argument #1 to 'dns'", function() u:dns(nil, print) end)
local log = {}
u:dns("10.1", function(s, ip)
  check.eq(s, u, "socket argument")
  log[#log + 1] = ip
end)
log[#log + 1] = "returned"
u:dns("127.0.0.1")
check.eq(table.concat(log, ","), "10.0.0.1,returned,127.0.0.1", "order and normalized text")
check.eq(u:getaddr(), nil, "dns does not bind")
