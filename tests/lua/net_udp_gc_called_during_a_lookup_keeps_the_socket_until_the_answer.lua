-- args: --dns-server 127.0.0.1:9
-- design.md object lifetime: a script may call a UDP socket's __gc itself
-- while u:dns() is in flight; the socket must outlive the lookup, whose
-- answer reaches it after the call (the sanitizer build reported a heap
-- use-after-free here, found by the Lua API fuzzer). Its box is empty from
-- the call on, so methods raise "invalid user data"; no callback runs.
local check = require "lib.check"
local u = net.createUDPSocket()
u:dns("lookup.invalid", check.calls("dns", 0))
getmetatable(u).__gc(u)
check.raises("invalid user data", function() u:close() end)
local t = tmr.create()
t:alarm(300, tmr.ALARM_SINGLE, function()
  collectgarbage()
  check.done()
end)
