-- net.md §4.9.1: dns -> connection -> receive/sent -> exactly one disconnection, last.
local check = require "lib.check"
local log = {}
local function add(s) log[#log + 1] = s end
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, data)
    s:send("echo:" .. data, function(s2) s2:close() end)
  end)
end)
local port = srv:getaddr()
local sk = net.createConnection()
sk:on("dns", function(_, ip) add("dns " .. ip) end)
sk:on("connection", function(s) add("connection") s:send("ping") end)
sk:on("sent", function() add("sent") end)
sk:on("receive", function(_, d) add("receive " .. d) end)
sk:on("reconnection", function(_, code) add("reconnection " .. code) end)
sk:on("disconnection", function(_, code)
  add("disconnection " .. code)
  srv:close()
  -- Nothing may follow the final event.
  tmr.create():alarm(200, tmr.ALARM_SINGLE, function() print(table.concat(log, "\n")) end)
end)
sk:connect(port, "127.0.0.1")
-- The literal's "dns" fired inside connect (§4.1 step 5).
check.eq(log[1], "dns 127.0.0.1", "dns inside connect")
check.eq(#log, 1, "only dns so far")
