-- net.md §4.4: close() during the handshake abandons the attempt silently:
-- no connection, reconnection or disconnection; the socket may connect again.
local check = require "lib.check"
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function() end)
local port = srv:getaddr()
local sk = net.createConnection()
local events = {}
for _, e in ipairs { "connection", "reconnection", "disconnection", "sent" } do
  sk:on(e, function() events[#events + 1] = e end)
end
sk:connect(port, "127.0.0.1")
sk:send("queued during the handshake")
sk:close()
check.raises("not connected", function() sk:close() end)
tmr.create():alarm(300, tmr.ALARM_SINGLE, function()
  check.eq(table.concat(events, ","), "", "events after close")
  sk:on("connection", function(s) print("second attempt connected") s:close() srv:close() end)
  sk:connect(port, "127.0.0.1")
end)
