-- net.md §1, §4.3, §4.4, §4.6, §4.8: send, close, ttl and dns argument errors.
local check = require "lib.check"
local sk = net.createConnection()
check.raises("no data to send", function() sk:send("") end)
check.raises("not connected", function() sk:send("x") end)
check.raises("not connected", function() sk:send(42) end)
check.raises("bad argument #1 to 'send' (string expected, got table)", function() sk:send({}) end)
check.raises("bad argument #1 to 'send' (string expected, got no value)", function() sk:send() end)
check.raises("not connected", function() sk:close() end)
check.raises("socket is not open/bound yet", function() sk:ttl() end)
check.raises("socket is not open/bound yet", function() sk:ttl(64) end)
check.raises("no callback specified", function() sk:dns("127.0.0.1") end)
check.raises("no callback specified", function() sk:dns("127.0.0.1", 5) end)
check.raises("bad argument #1 to 'dns' (string expected, got no value)", function() sk:dns() end)
-- self that is not a userdata (§1).
check.raises("invalid user data", function() sk.send("x") end)
check.raises("invalid user data", function() sk.close(5) end)
check.raises("invalid user data", function() sk.connect({}, 80) end)
-- A userdata of the wrong kind gets the standard typed error naming the kind.
local srv = net.createServer()
check.raises_like("net.tcpsocket expected", function() sk.send(srv, "x") end)
check.raises_like("net.tcpserver expected", function() srv.close(sk) end)
-- A method the kind lacks is Lua's usual error.
check.raises_like("attempt to call", function() srv:on("receive", print) end)
-- dns's callback stays (§4.6 step 2), so a later dns() without one works.
local got
sk:dns("127.0.0.1", function(_, ip) got = ip end)
check.eq(got, "127.0.0.1", "dns literal fires inside dns()")
got = nil
sk:dns("10.1")
check.eq(got, "10.0.0.1", "dns keeps its callback and normalizes")
print("ok")
