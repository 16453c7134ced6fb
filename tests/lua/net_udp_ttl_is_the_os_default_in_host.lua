-- args: --profile host
-- net.md §4.8: the host profile leaves the OS default (Linux: 64).
local check = require "lib.check"
local u = net.createUDPSocket()
u:listen(0, "127.0.0.1")
check.eq(u:ttl(), 64, "OS default")
check.eq(u:ttl(9), 9, "set")
u:close()
