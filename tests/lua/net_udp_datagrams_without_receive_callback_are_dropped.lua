-- net.md §5.3: without a receive callback datagrams are dropped, not kept
-- for a callback registered later.
local check = require "lib.check"
local rx = net.createUDPSocket()
rx:listen(0, "127.0.0.1")
local port = rx:getaddr()
local relay = net.createUDPSocket()
relay:listen(0, "127.0.0.1")
local relay_port = relay:getaddr()
local tx = net.createUDPSocket()
-- "a" and "early" wait in rx's queue together. The callback for "a" removes
-- itself and pokes the relay; "early" is read in the same pass with no
-- callback, so it is gone before the relay's event can run.
rx:on("receive", function(s, data)
  check.eq(data, "a", "first datagram")
  s:on("receive", nil)
  s:send(relay_port, "127.0.0.1", "poke")
end)
relay:on("receive", function(r)
  r:close()
  rx:on("receive", function(s, data)
    check.eq(data, "late", "next datagram delivered")
    s:close()
    tx:close()
  end)
  tx:send(port, "127.0.0.1", "late")
end)
tx:send(port, "127.0.0.1", "a")
tx:send(port, "127.0.0.1", "early")
