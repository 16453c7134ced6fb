-- net.md §10.1: a bound socket keeps working after the script drops every
-- reference to it and the collector runs.
local check = require "lib.check"
local port
do
  local u = net.createUDPSocket()
  u:listen(0, "127.0.0.1")
  port = u:getaddr()
  u:on("receive", function(s, data)
    check.eq(data, "still here", "payload")
    s:close()
  end)
end
collectgarbage()
collectgarbage()
local tx = net.createUDPSocket()
tx:send(port, "127.0.0.1", "still here")
tx:close()
