-- net.md §4.5, §10.3: hold() applies to one connection; after close() the
-- socket connects again and receives without unhold().
local check = require "lib.check"
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s) s:send("pong") end)
end)
local port = srv:getaddr()
local sk = net.createConnection()
local round = 0
sk:on("connection", function(s) round = round + 1 s:send("ping") end)
sk:on("receive", function(s, d)
  check.eq(d, "pong", "data")
  if round == 1 then
    s:hold()
    s:close()
    s:connect(port, "127.0.0.1")
  else
    print("round " .. round)
    s:close()
    srv:close()
  end
end)
sk:connect(port, "127.0.0.1")
