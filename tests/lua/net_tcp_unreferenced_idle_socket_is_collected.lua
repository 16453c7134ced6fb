-- net.md §10.1: an inactive socket (never connected, or closed) is collected
-- like any value, with no visible effect; so is a closed server.
local weak = setmetatable({}, { __mode = "v" })
for i = 1, 50 do
  local sk = net.createConnection()
  sk:on("receive", function() end)
  weak[i] = sk
end
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function() end)
srv:close()
weak[51] = srv
local done = net.createConnection()
done:on("sent", function() end)
weak[52] = done
srv = nil
done = nil
collectgarbage()
collectgarbage()
local left = 0
for i = 1, 52 do if weak[i] ~= nil then left = left + 1 end end
assert(left == 0, left .. " idle objects survived collection")
-- A closed socket: connect, close at once, drop it.
local s2 = net.createServer()
s2:listen(0, "127.0.0.1", function() end)
local c = net.createConnection()
weak[53] = c
c:on("disconnection", function() print("unexpected disconnection") end)
c:connect((s2:getaddr()), "127.0.0.1")
c:close()
c = nil
s2:close()
tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
  collectgarbage()
  collectgarbage()
  assert(weak[53] == nil, "closed socket survived")
  print("ok")
end)
