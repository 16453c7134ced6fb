-- net.md §5.4: after close() no further events, even for datagrams already
-- waiting; listen may follow and gets new datagrams.
local check = require "lib.check"
local rx = net.createUDPSocket()
rx:listen(0, "127.0.0.1")
local port = rx:getaddr()
local tx = net.createUDPSocket()
local count = 0
rx:on("receive", function(s, data)
  count = count + 1
  check.eq(count, 1, "events after close")
  check.eq(data, "1", "first datagram")
  s:close()
  -- Rebind elsewhere; the old queue is gone with the old socket.
  s:listen(0, "127.0.0.1")
  local newport = s:getaddr()
  s:on("receive", function(s2, d2)
    check.eq(d2, "fresh", "datagram on the new bind")
    s2:close()
    tx:close()
  end)
  tx:send(newport, "127.0.0.1", "fresh")
end)
tx:send(port, "127.0.0.1", "1")
tx:send(port, "127.0.0.1", "2")
tx:send(port, "127.0.0.1", "3")
