-- net.md §4.4: close() never causes disconnection/reconnection, and no event
-- of that connection follows it; the peer sees an orderly end (0).
local check = require "lib.check"
local events = 0
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:send("data the client will never see after close")
  c:on("disconnection", function(_, code)
    check.eq(code, 0, "server side sees FIN")
    srv:close()
    tmr.create():alarm(300, tmr.ALARM_SINGLE, function()
      check.eq(events, 0, "events after close")
      print("ok")
    end)
  end)
end)
local sk = net.createConnection()
for _, e in ipairs { "disconnection", "reconnection", "receive", "sent" } do
  sk:on(e, function() events = events + 1 print("unexpected " .. e) end)
end
sk:on("connection", function(s)
  s:send("x")
  s:close()
end)
sk:connect((srv:getaddr()), "127.0.0.1")
