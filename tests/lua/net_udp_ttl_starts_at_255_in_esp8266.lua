-- net.md §5.4, §4.8, §13: 255 at start in esp8266; a value is taken mod 256;
-- -1 or none reads; a new bind starts again at 255.
local check = require "lib.check"
local u = net.createUDPSocket()
u:listen(0, "127.0.0.1")
check.eq(u:ttl(), 255, "default")
check.eq(u:ttl(64), 64, "set")
check.eq(u:ttl(), 64, "read back")
check.eq(u:ttl(-1), 64, "-1 reads")
check.eq(u:ttl(300), 44, "mod 256")
check.eq(u:ttl(0), 0, "0 is reported as 0")
check.eq(u:ttl(), 0, "0 read back")
check.raises_like("bad argument #1 to 'ttl'", function() u:ttl("x") end)
u:close()
u:listen(0, "127.0.0.1")
check.eq(u:ttl(), 255, "a new bind starts at the default")
u:close()
