-- args: --profile host
-- net.md §4.3: "sent" fires exactly once per send(), in call order, never
-- inside send() and never before "connection".
local check = require "lib.check"
local srv = net.createServer()
local received = 0
local sizes = { 1, 300000, 7, 2000000, 5, 65536 }
local expected = 0
for _, n in ipairs(sizes) do expected = expected + n end
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d) received = received + #d end)
  c:on("disconnection", function()
    check.eq(received, expected, "bytes")
    srv:close()
    print("ok")
  end)
end)
local sk = net.createConnection()
local order, connected, in_send = {}, false, false
sk:connect((srv:getaddr()), "127.0.0.1")
-- Sends during the handshake are queued too.
for i = 1, 3 do
  in_send = true
  sk:send(string.rep("x", sizes[i]), function()
    assert(connected, "sent before connection")
    assert(not in_send, "sent inside send()")
    order[#order + 1] = #order + 1
    if #order == #sizes then
      check.eq(table.concat(order, ","), "1,2,3,4,5,6", "sent count")
      sk:close()
    end
  end)
  in_send = false
end
sk:on("connection", function(s)
  connected = true
  for i = 4, 6 do
    in_send = true
    s:send(string.rep("y", sizes[i]))
    in_send = false
  end
end)
