-- stderr: W-NET11: IPv6 address used
-- net.md §12.1, §12.2: IPv6 literals are accepted by listen and send; an
-- unbound socket sending to an IPv6 peer binds IPv6; esp8266 warns W11.
local check = require "lib.check"
local rx = net.createUDPSocket()
rx:listen(0, "::1")
local port, ip = rx:getaddr()
check.eq(ip, "::1", "IPv6 bind reported")
local tx = net.createUDPSocket()
tx:send(port, "::1", "six")
check.eq(select(2, tx:getaddr()), "::", "auto-bound IPv6")
rx:on("receive", function(s, data, p, from)
  check.eq(data, "six", "payload")
  check.eq(from, "::1", "sender text")
  check.eq(p, (tx:getaddr()), "sender port")
  s:close()
  tx:close()
end)
