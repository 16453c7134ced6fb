-- args: --dns-server 127.0.0.1:9
-- design.md object lifetime: a script may call a socket's __gc itself. With
-- a connect() and a dns() lookup in flight, the socket must outlive them: the
-- answers reach it after the call (the sanitizer build reported a heap
-- use-after-free in TcpSocket::resolved here, found by the Lua API fuzzer).
-- Its box is empty from the call on, so methods raise "invalid user data".
local check = require "lib.check"
local s = net.createConnection()
s:on("dns", check.calls("dns", 0))
s:connect(1, "lookup.invalid")
s:dns("other.invalid", function() end)
getmetatable(s).__gc(s)
check.raises("invalid user data", function() s:close() end)
-- The failed lookups answer on a later loop turn; after them nothing is left.
local t = tmr.create()
t:alarm(300, tmr.ALARM_SINGLE, function()
  collectgarbage()
  check.done()
end)
