-- args: --profile esp8266
-- net.md §4.10: esp8266 splits each read into <= 1460-byte events; none is lost.
local check = require "lib.check"
local srv = net.createServer()
local largest, got, events = 0, 0, 0
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d)
    events = events + 1
    largest = math.max(largest, #d)
    got = got + #d
  end)
  c:on("disconnection", function()
    check.eq(got, 2900 * 10, "bytes")
    assert(largest <= 1460, "largest chunk " .. largest)
    assert(events >= 20, "events " .. events)
    srv:close()
    print("ok")
  end)
end)
local sk = net.createConnection()
local n = 0
local function more(s)
  n = n + 1
  if n > 10 then s:close() return end
  s:send(string.rep("q", 2900))
end
sk:on("connection", more)
sk:on("sent", more)
sk:connect((srv:getaddr()), "127.0.0.1")
