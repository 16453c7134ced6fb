-- net.md §5.2: every UDP socket may send to a broadcast address (SO_BROADCAST);
-- 127.255.255.255 is the loopback network's broadcast address.
local check = require "lib.check"
local rx = net.createUDPSocket()
rx:listen(0)  -- 0.0.0.0 receives broadcasts
local port = rx:getaddr()
rx:on("receive", function(s, data, _, ip)
  check.eq(data, "to all", "broadcast payload")
  check.eq(ip, "127.0.0.1", "sender")
  s:close()
end)
local u = net.createUDPSocket()
u:send(port, "127.255.255.255", "to all")
u:close()
