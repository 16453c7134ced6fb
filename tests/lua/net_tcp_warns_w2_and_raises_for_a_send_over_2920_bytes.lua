-- args: --profile esp8266
-- stderr: W-NET2: send\(\) of 2921 bytes exceeds the ESP8266 TCP send buffer \(TCP_SND_BUF = 2920 bytes\): raised "out of memory" as the device does \(at net_tcp_warns_w2_and_raises_for_a_send_over_2920_bytes.lua:12\)
-- no-stderr: W-NET1
-- net.md §4.3, §13, §14 W2: a single send over 2920 bytes raises; 2920 is fine.
local check = require "lib.check"
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, d) print(#d) s:close() srv:close() end)
end)
local sk = net.createConnection()
sk:on("connection", function(s)
  check.raises("out of memory", function() s:send(string.rep("x", 2921)) end)
  s:send(string.rep("x", 1000))
end)
sk:connect((srv:getaddr()), "127.0.0.1")
