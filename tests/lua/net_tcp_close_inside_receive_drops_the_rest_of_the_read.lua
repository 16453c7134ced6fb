-- args: --profile esp8266
-- net.md §4.4, §4.10: in esp8266 one read is split into <= 1460-byte events;
-- close() inside the first drops the rest of that read.
local check = require "lib.check"
local srv = net.createServer()
local calls, bytes = 0, 0
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, data)
    calls = calls + 1
    bytes = bytes + #data
    s:close()
  end)
end)
local sk = net.createConnection()
sk:on("connection", function(s) s:send(string.rep("a", 2900)) end)
sk:on("disconnection", function(_, code)
  check.eq(code, 0, "client sees FIN")
  srv:close()
  check.eq(calls, 1, "receive events")
  check.eq(bytes, 1460, "bytes delivered")
  print("ok")
end)
sk:connect((srv:getaddr()), "127.0.0.1")
