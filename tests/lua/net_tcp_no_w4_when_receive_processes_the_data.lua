-- args: --profile esp8266
-- no-stderr: W-NET4
-- net.md §14 W4: a handler that only counts bytes is not reported.
local check = require "lib.check"
local total = 64 * 1024
local srv = net.createServer()
local count = 0
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d) count = count + #d end)
  c:on("disconnection", function()
    check.eq(count, total, "bytes")
    srv:close()
  end)
end)
local sk = net.createConnection()
local left = total
local function more(s)
  if left == 0 then s:close() return end
  left = left - 2048
  s:send(string.rep("k", 2048))
end
sk:on("connection", more)
sk:on("sent", more)
sk:connect((srv:getaddr()), "127.0.0.1")
