-- net.md §4.1 step 6, §7.3: connect by name resolves (here through
-- /etc/hosts, "localhost"), fires "dns" with the address, then connects.
local check = require "lib.check"
local events = {}
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(conn)
  conn:on("receive", function(c, data)
    check.eq(data, "ping", "data")
    c:close()
    srv:close()
  end)
end)
local port = srv:getaddr()
local sk = net.createConnection()
sk:on("dns", function(_, ip) events[#events + 1] = "dns:" .. tostring(ip) end)
sk:on("connection", function(s)
  events[#events + 1] = "connection"
  check.eq(table.concat(events, ","), "dns:127.0.0.1,connection", "events")
  s:send("ping")
end)
-- The server's close ends the run's other work: only a count shows that
-- the client's end was reported.
sk:on("disconnection", check.calls("disconnection", 1, function(_, code)
  check.eq(code, 0, "code")
  check.eq(#events, 2, "events before the end")
  check.done()
end))
sk:connect(port, "localhost")
