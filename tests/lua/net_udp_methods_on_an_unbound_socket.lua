-- net.md §5.4, §10.3: close raises "not connected", getaddr gives nil, nil,
-- ttl raises "socket is not open/bound yet"; listen may follow a close.
local check = require "lib.check"
local u = net.createUDPSocket()
check.raises("not connected", function() u:close() end)
check.raises("socket is not open/bound yet", function() u:ttl() end)
local p, ip = u:getaddr()
check.eq(p, nil, "port")
check.eq(ip, nil, "ip")
check.eq(select("#", u:getaddr()), 2, "two values")
u:listen(0, "127.0.0.1")
u:close()
check.raises("not connected", function() u:close() end)
check.raises("socket is not open/bound yet", function() u:ttl(5) end)
check.eq(u:getaddr(), nil, "unbound after close")
u:listen(0, "127.0.0.1")
check.eq(select(2, u:getaddr()), "127.0.0.1", "listen after close")
u:close()
