-- args: --profile host
-- net.md §4.4: close() right after large sends is graceful: every queued
-- byte reaches the peer, then FIN (disconnection 0 at the peer).
local check = require "lib.check"
local total = 4 * 1024 * 1024
local srv = net.createServer()
local got = 0
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d) got = got + #d end)
  c:on("disconnection", function(_, code)
    check.eq(code, 0, "orderly end")
    check.eq(got, total, "bytes received")
    srv:close()
    print("ok")
  end)
end)
local sk = net.createConnection()
sk:on("connection", function(s)
  local block = string.rep("0123456789abcdef", 65536)  -- 1 MiB
  for _ = 1, total // #block do s:send(block) end
  s:close()
end)
sk:connect((srv:getaddr()), "127.0.0.1")
