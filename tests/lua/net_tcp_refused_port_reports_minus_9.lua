-- net.md §9.2, §9.3: a refused connection (RST to the SYN) is -9, to
-- reconnection when registered, else to disconnection; exactly one event.
local check = require "lib.check"
-- A port that was just free: listen, note it, close.
local probe = net.createServer()
probe:listen(0, "127.0.0.1", function() end)
local port = probe:getaddr()
probe:close()

local a = net.createConnection()
local events = {}
a:on("connection", function() events[#events + 1] = "connection" end)
a:on("disconnection", function(_, code) events[#events + 1] = "disconnection " .. code end)
a:on("reconnection", function(s, code)
  events[#events + 1] = "reconnection " .. code
  check.raises("not connected", function() s:close() end)
  -- Without a reconnection callback the code goes to disconnection.
  local b = net.createConnection()
  b:on("disconnection", function(_, code2)
    print("a: " .. table.concat(events, ","))
    print("b: disconnection " .. code2)
  end)
  b:connect(port, "127.0.0.1")
end)
a:connect(port, "127.0.0.1")
