-- args: --profile host
-- no-stderr: W-NET
-- net.md §0.2, §14: every esp8266 pitfall done at once prints nothing in host.
local check = require "lib.check"
local s6 = net.createServer(net.TCP, 0)        -- W6, W14
local c7 = net.createConnection(net.UDP, 1)    -- W7
local srv = net.createServer()
local keep = {}
srv:listen(0, "::1", function(c)               -- W11
  c:on("receive", function(s, d)
    keep[#keep + 1] = d                        -- W4: hoards
  end)
  c:on("disconnection", function()
    check.eq(#table.concat(keep), 40000 + 3 * 65536, "bytes")
    srv:close()
    print("ok")
  end)
end)
local sk = net.createConnection()
sk:on("connection", function(s)
  s:on("sent", function() if s then end end)   -- W5: captures its own socket
  s:send(string.rep("a", 40000))               -- W2 (> 2920)
  for _ = 1, 3 do s:send(string.rep("b", 65536)) end  -- W1
  s:close()
end)
sk:connect((srv:getaddr()), "::1")
