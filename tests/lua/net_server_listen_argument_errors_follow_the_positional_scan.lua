-- net.md §3.1: listen([port][, ip], callback) scans its arguments by position.
local check = require "lib.check"
local srv = net.createServer()
local cb = function() end
check.raises("invalid IP address", function() srv:listen(0, "localhost", cb) end)
check.raises("invalid IP address", function() srv:listen(0, "", cb) end)
check.raises("invalid IP address", function() srv:listen(0, "example.com", cb) end)
check.raises("invalid IP address", function() srv:listen("not-an-ip", cb) end)
check.raises("invalid IP address", function() srv:listen(0, "1.2.3.4.5", cb) end)
check.raises("need callback", function() srv:listen(nil, "127.0.0.1", cb) end)
check.raises("need callback", function() srv:listen(0) end)
check.raises("need callback", function() srv:listen(0, "127.0.0.1") end)
check.raises("need callback", function() srv:listen(0, "127.0.0.1", 5) end)
check.raises("need callback", function() srv:listen() end)
-- Nothing above started listening.
local p, ip = srv:getaddr()
check.eq(p, nil, "port before listen")
check.eq(ip, nil, "ip before listen")
-- inet_aton forms: "127.1" is 127.0.0.1; a numeric-string port is a port.
srv:listen("0", "127.1", cb)
p, ip = srv:getaddr()
check.eq(ip, "127.0.0.1", "ip of 127.1")
assert(p > 0 and p < 65536, "kernel-chosen port")
check.raises("already listening", function() srv:listen(0, "127.0.0.1", cb) end)
check.raises("already listening", function() srv:listen() end)
srv:close()
check.raises("not connected", function() srv:close() end)
-- A later listen is allowed; a port given as port + 65536 is taken mod 65536.
local other = net.createServer()
other:listen(0, "127.0.0.1", cb)
local used = other:getaddr()
other:close()
srv:listen(used + 65536, "127.0.0.1", cb)
check.eq(srv:getaddr(), used, "port mod 65536")
-- Same port and IP as a server of this program: the device's "out of memory" (§3.1 step 7).
local dup = net.createServer()
check.raises("out of memory", function() dup:listen(used, "127.0.0.1", cb) end)
srv:close()
-- Another IP on a port in use: the OS conflict raises "address in use", and
-- the server may retry (§3.1 step 7, host deviation for 0.0.0.0 vs a.b.c.d).
local holder = net.createServer()
holder:listen(0, "127.0.0.1", cb)
local held = holder:getaddr()
check.raises("address in use", function() dup:listen(held, cb) end)
check.raises("address in use", function() dup:listen(held, "0.0.0.0", cb) end)
check.eq(dup:getaddr(), nil, "not listening after a failed listen")
holder:close()
-- The IP may come as the only non-callback argument.
dup:listen("127.0.0.1", cb)
local dp, dip = dup:getaddr()
check.eq(dip, "127.0.0.1", "ip-only listen")
assert(dp > 0)
dup:close()
print("ok")
