-- net.md §5.1: a UDP socket of the program on the same port and the same IP,
-- or either on 0.0.0.0, makes listen raise "address in use".
local check = require "lib.check"
local a = net.createUDPSocket()
a:listen(0, "127.0.0.1")
local port = a:getaddr()
local b = net.createUDPSocket()
check.raises("address in use", function() b:listen(port, "127.0.0.1") end)
check.raises("address in use", function() b:listen(port) end)
check.raises("address in use", function() b:listen(port, "0.0.0.0") end)
b:listen(port, "127.0.0.2")  -- another IP on the same port is fine
check.eq(select(2, b:getaddr()), "127.0.0.2", "other ip bound")
b:close()
a:close()
local any = net.createUDPSocket()
any:listen(port)
check.raises("address in use", function() b:listen(port, "127.0.0.2") end)
any:close()
b:listen(port, "127.0.0.2")  -- free again after close
b:close()
