-- args: --profile host
-- net.md §4.10: host delivers one event per read, up to 65536 bytes.
local check = require "lib.check"
local total = 4 * 1024 * 1024
local srv = net.createServer()
local largest, got = 0, 0
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d)
    largest = math.max(largest, #d)
    got = got + #d
  end)
  c:on("disconnection", function()
    check.eq(got, total, "bytes")
    assert(largest > 1460, "largest chunk " .. largest)
    assert(largest <= 65536, "largest chunk " .. largest)
    srv:close()
    print("ok")
  end)
end)
local sk = net.createConnection()
sk:on("connection", function(s) s:send(string.rep("h", total)) end)
sk:on("sent", function(s) s:close() end)
sk:connect((srv:getaddr()), "127.0.0.1")
