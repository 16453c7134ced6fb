-- net.md §5.2 step 6, §4.9.3: "sent" runs synchronously, before send returns,
-- and the callback given to send stays registered.
local check = require "lib.check"
local rx = net.createUDPSocket()
rx:listen(0, "127.0.0.1")
local port = rx:getaddr()
local u = net.createUDPSocket()
local log = {}
u:send(port, "127.0.0.1", "a", function(s)
  check.eq(s, u, "socket argument")
  log[#log + 1] = "sent"
end)
log[#log + 1] = "returned"
u:send(port, "127.0.0.1", "b")  -- no callback argument: the first one stays
check.eq(table.concat(log, ","), "sent,returned,sent", "order")
u:on("sent", nil)
u:send(port, "127.0.0.1", "c")
check.eq(#log, 3, "removed callback does not fire")
u:close()
rx:close()
