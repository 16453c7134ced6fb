-- Known defect (heap use-after-free, ASan build): a UDP socket's __gc, called
-- by the script while a u:dns() lookup is in flight, frees the socket on the
-- next loop turn; the lookup's answer then calls into the freed socket
-- (udp_socket.cpp, the dns() lookup callback). Run:
--   build-asan/nodemcu-host --dns-server 127.0.0.1:1 tests/luafuzz/known/udp_gc_called_during_dns_lookup.lua
local u = net.createUDPSocket()
u:dns("fz.invalid", function() end)
getmetatable(u).__gc(u)
u = nil
