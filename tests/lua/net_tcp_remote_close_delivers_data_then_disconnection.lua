-- args: --profile host
-- net.md §4.9.2, §9.3: all data sent before the peer's FIN is delivered, then
-- disconnection 0 (even with a reconnection callback); then send raises.
local check = require "lib.check"
local total = 1024 * 1024 + 17
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:send(string.rep("r", total), function(s) s:close() end)
end)
local sk = net.createConnection()
local got = 0
sk:on("receive", function(_, d) got = got + #d end)
sk:on("reconnection", function(_, code) print("reconnection " .. code) end)
sk:on("disconnection", function(s, code)
  check.eq(code, 0, "code")
  check.eq(got, total, "bytes before disconnection")
  check.raises("not connected", function() s:send("late") end)
  srv:close()
  print("ok")
end)
sk:connect((srv:getaddr()), "127.0.0.1")
