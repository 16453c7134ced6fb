-- args: --profile esp8266
-- stderr: W-NET5: callback for "receive" captures its own socket as an upvalue: on the ESP8266 the socket and its callbacks are never freed; use the callback's first argument instead \(at net_tcp_warns_w5_for_a_callback_capturing_its_socket.lua:8\)
-- stderr: W-NET5: callback for "connection" captures its own socket as an upvalue: .* \(at net_tcp_warns_w5_for_a_callback_capturing_its_socket.lua:10\)
-- no-stderr: lua:9\)
-- net.md §10.2, §14 W5: only a direct upvalue holding the same object counts.
local sk = net.createConnection()
local other = net.createConnection()
sk:on("receive", function() return sk end)
sk:on("sent", function() return other end)
sk:on("connection", function() return sk end)
print("ok")
