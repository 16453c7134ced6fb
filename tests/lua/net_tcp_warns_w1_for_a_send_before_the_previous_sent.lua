-- args: --profile esp8266
-- stderr: W-NET1: send\(\) before the previous send\(\) completed: on the ESP8266 this raises "out of memory" once 2920 bytes are unacknowledged \(TLS sockets silently drop the data\); send the next part from the "sent" callback \(at net_tcp_warns_w1_for_a_send_before_the_previous_sent.lua:19\)
-- net.md §4.3, §14 W1: the second send still goes out, in order, with one sent each.
local check = require "lib.check"
local srv = net.createServer()
local got = ""
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d) got = got .. d end)
  c:on("disconnection", function()
    check.eq(got, "firstsecond", "data")
    srv:close()
    print("ok")
  end)
end)
local sk = net.createConnection()
local sents = 0
sk:on("connection", function(s)
  s:send("first")
  s:send("second")
end)
sk:on("sent", function(s)
  sents = sents + 1
  if sents == 2 then s:close() end
end)
sk:connect((srv:getaddr()), "127.0.0.1")
