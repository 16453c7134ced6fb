-- args: --profile esp8266
-- stderr: W-NET1: send\(\) before the previous send\(\) completed: on the ESP8266 this raises "out of memory" once 2920 bytes are unacknowledged \(TLS sockets silently drop the data\); send the next part from the "sent" callback \(at net_tcp_warns_w1_for_a_send_before_the_previous_sent.lua:19\)
-- net.md §4.3, §14 W1: the second send still goes out, in order, with one sent each.
local check = require "lib.check"
local srv = net.createServer()
local got = ""
-- The server ends the connection once both parts arrived, so a surplus
-- "sent" on the client would still come before the end and be counted.
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, d)
    got = got .. d
    if got == "firstsecond" then s:close() srv:close() end
  end)
end)
local sk = net.createConnection()
sk:on("sent", check.calls("sent", 2))
sk:on("connection", function(s)
  s:send("first")
  s:send("second")
end)
sk:on("disconnection", function(_, code)
  check.eq(code, 0, "disconnection code")
  check.eq(got, "firstsecond", "data")
  check.done()
  print("ok")
end)
sk:connect((srv:getaddr()), "127.0.0.1")
