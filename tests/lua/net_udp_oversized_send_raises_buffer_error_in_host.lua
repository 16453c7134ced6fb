-- args: --profile host
-- no-stderr: W-NET9
-- net.md §5.2: the host profile sends up to 65507 bytes over IPv4; more
-- raises "buffer error", after "sent" has run.
local check = require "lib.check"
local rx = net.createUDPSocket()
rx:listen(0, "127.0.0.1")
local port = rx:getaddr()
local u = net.createUDPSocket()
local log = {}
u:on("sent", function() log[#log + 1] = "sent" end)
local ok, err = pcall(u.send, u, port, "127.0.0.1", string.rep("x", 65508))
check.eq(ok, false, "oversized send raised")
check.eq(tostring(err):gsub("^[^:]+:%d+: ", ""), "buffer error", "message")
check.eq(table.concat(log, ","), "sent", "sent ran before the error")
u:send(port, "127.0.0.1", string.rep("y", 65507))
rx:on("receive", function(s, data)
  check.eq(#data, 65507, "largest IPv4 datagram delivered whole")
  s:close()
  u:close()
end)
