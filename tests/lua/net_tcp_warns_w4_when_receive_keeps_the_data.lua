-- args: --profile esp8266
-- stderr: W-NET4: receive handler appears to keep received data in memory \(Lua heap \+\d+ bytes after \d+ bytes received\); .* \(at net_tcp_warns_w4_when_receive_keeps_the_data.lua:9\)
-- net.md §14 W4: a receive handler that appends every chunk to a table.
local check = require "lib.check"
local total = 64 * 1024
local srv = net.createServer()
local keep = {}
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d)
    keep[#keep + 1] = d
  end)
  c:on("disconnection", function()
    check.eq(#table.concat(keep), total, "bytes")
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
