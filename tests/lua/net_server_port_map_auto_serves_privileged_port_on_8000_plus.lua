-- args: --port-map auto
-- stderr: N-PORT: port 1007 is served on host port 9007
-- net.md §12.3, runtime.md §1.2: listen(1007) binds 9007; getaddr reports 1007;
-- connect is never mapped, so a client reaches the server on 9007.
local check = require "lib.check"
local srv = net.createServer()
srv:listen(1007, "127.0.0.1", function(c)
  c:on("receive", function(s, d) print(d) s:close() srv:close() end)
end)
local port, ip = srv:getaddr()
check.eq(port, 1007, "script's port")
check.eq(ip, "127.0.0.1", "ip")
local sk = net.createConnection()
sk:on("connection", function(s) s:send("mapped") end)
sk:connect(9007, "127.0.0.1")
