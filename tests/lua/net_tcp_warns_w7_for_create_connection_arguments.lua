-- args: --profile esp8266
-- stderr: W-NET7: net.createConnection\(\) ignores its arguments on the ESP8266 and returns a TCP socket; use net.createUDPSocket\(\) or tls.createConnection\(\) \(at net_tcp_warns_w7_for_create_connection_arguments.lua:7\)
-- stderr: W-NET7: .* \(at net_tcp_warns_w7_for_create_connection_arguments.lua:8\)
-- no-stderr: lua:(9|10)\)
-- net.md §2.1, §14 W7: the result is always a TCP socket.
local check = require "lib.check"
local u = net.createConnection(net.UDP)
local t = net.createConnection(net.TCP, 1)
local plain = net.createConnection(net.TCP, 0)
local none = net.createConnection()
-- All four are TCP sockets: they have TCP-only methods.
for _, s in ipairs { u, t, plain, none } do
  check.eq(type(s.hold), "function", "hold")
  check.eq(type(s.getpeer), "function", "getpeer")
end
print("ok")
