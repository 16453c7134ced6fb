-- net.md §5.1 with §3.1 steps 2-4: port then ip, each optional; invalid
-- text raises; already bound raises.
local check = require "lib.check"
local a = net.createUDPSocket()
a:listen("127.0.0.1")  -- no port: the stack chooses
local pa, ia = a:getaddr()
check.eq(ia, "127.0.0.1", "ip only")
check.eq(pa > 0, true, "ephemeral port")
check.raises("already listening", function() a:listen() end)
a:close()
local b = net.createUDPSocket()
b:listen(tostring(pa))  -- a numeric string is a port; the ip defaults to 0.0.0.0
local pb, ib = b:getaddr()
check.eq(pb, pa, "numeric string port")
check.eq(ib, "0.0.0.0", "default ip")
b:close()
local c = net.createUDPSocket()
check.raises("invalid IP address", function() c:listen(0, "localhost") end)
check.raises("invalid IP address", function() c:listen("") end)
check.raises("invalid IP address", function() c:listen(0, "300.1.1.1") end)
check.eq(c:getaddr(), nil, "failed listen leaves it unbound")
c:listen(pa + 65536, "127.1")  -- port mod 65536, inet_aton forms
local pc, ic = c:getaddr()
check.eq(pc, pa, "port mod 65536")
check.eq(ic, "127.0.0.1", "short form normalized")
check.eq(select("#", c:close()), 0, "close returns nothing")
