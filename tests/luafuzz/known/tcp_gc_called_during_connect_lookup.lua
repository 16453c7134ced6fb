-- Known defect (heap use-after-free, ASan build): a TCP socket's __gc, called
-- by the script while its connect() lookup is in flight, frees the socket on
-- the next loop turn; the lookup's answer then calls TcpSocket::resolved on
-- freed memory (tcp_socket.cpp, start_lookup's callback). sk:dns() the same.
-- Run:
--   build-asan/nodemcu-host --dns-server 127.0.0.1:1 tests/luafuzz/known/tcp_gc_called_during_connect_lookup.lua
local s = net.createConnection()
s:connect(1, "fz.invalid")
getmetatable(s).__gc(s)
s = nil
