-- net.md §5.3: receive(u, data, port, ip), one event per datagram, port and ip
-- the sender's; binary-safe data.
local check = require "lib.check"
local rx = net.createUDPSocket()
rx:listen(0, "127.0.0.1")
local port = rx:getaddr()
local tx = net.createUDPSocket()
local want = { "one", "two\0with nul", "three" }
local got = {}
rx:on("receive", function(s, data, p, ip)
  check.eq(s, rx, "socket argument")
  check.eq(math.type(p), "integer", "port type")
  check.eq(p, (tx:getaddr()), "sender port")
  check.eq(ip, "127.0.0.1", "sender ip")
  got[#got + 1] = data
  if #got == #want then
    for i = 1, #want do check.eq(got[i], want[i], "datagram " .. i) end
    s:close()
    tx:close()
  end
end)
for _, d in ipairs(want) do tx:send(port, "127.0.0.1", d) end
