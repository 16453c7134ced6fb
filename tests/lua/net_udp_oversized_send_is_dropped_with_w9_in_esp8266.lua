-- stderr: W-NET9: UDP datagram of 1473 bytes exceeds the ESP8266 limit of 1472 bytes .*\(at net_udp_oversized_send_is_dropped_with_w9_in_esp8266.lua:\d+\)
-- net.md §5.2, §13, §14 W9: over 1472 bytes is not sent, "sent" still fires
-- and nothing is raised; 1472 bytes are sent.
local check = require "lib.check"
local rx = net.createUDPSocket()
rx:listen(0, "127.0.0.1")
local port = rx:getaddr()
local u = net.createUDPSocket()
local sent = 0
u:on("sent", function() sent = sent + 1 end)
u:send(port, "127.0.0.1", string.rep("x", 1473))
check.eq(sent, 1, "sent fired for the dropped datagram")
u:send(port, "127.0.0.1", string.rep("y", 1472))
check.eq(sent, 2, "sent fired for the largest datagram")
rx:on("receive", function(s, data)
  -- The first datagram to arrive must be the 1472-byte one.
  check.eq(#data, 1472, "size of the first datagram received")
  check.eq(data:sub(1, 1), "y", "content")
  s:close()
  u:close()
end)
