-- net.md §4.3 step 2-3: send(data, f) installs f as the "sent" callback before
-- raising "not connected"; a later send without a callback reports to f.
local check = require "lib.check"
local sk = net.createConnection()
check.raises("not connected", function()
  sk:send("early", function(s) print("sent via the first callback") s:close() end)
end)
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d) check.eq(d, "late", "data") srv:close() end)
end)
sk:on("connection", function(s) s:send("late") end)
sk:connect((srv:getaddr()), "127.0.0.1")
