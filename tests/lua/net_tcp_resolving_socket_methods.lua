-- net.md §4.1, §4.3, §4.4, §4.7, §10.3: while connect() resolves a name
-- ("localhost", from /etc/hosts, answered asynchronously) send raises, getpeer
-- gives port and "0.0.0.0", getaddr nil; close() abandons the attempt but the
-- "dns" event still fires, and no connection follows.
local check = require "lib.check"
local srv = net.createServer()
local accepted = 0
srv:listen(0, "127.0.0.1", function() accepted = accepted + 1 end)
local port = srv:getaddr()
local sk = net.createConnection()
local log = {}
sk:on("dns", function(_, ip) log[#log + 1] = "dns " .. tostring(ip) end)
sk:on("connection", function() log[#log + 1] = "connection" end)
sk:on("disconnection", function(_, c) log[#log + 1] = "disconnection " .. c end)
sk:connect(port, "localhost")
check.eq(#log, 0, "a name is resolved asynchronously")
check.raises("already connected", function() sk:connect(port, "127.0.0.1") end)
check.raises("not connected", function() sk:send("x") end)
local p, ip = sk:getpeer()
check.eq(p, port, "getpeer port while resolving")
check.eq(ip, "0.0.0.0", "getpeer ip while resolving")
p, ip = sk:getaddr()
check.eq(p, nil, "getaddr while resolving")
check.eq(ip, nil, "getaddr ip while resolving")
check.eq(sk:hold(), nil, "hold")
check.eq(sk:unhold(), nil, "unhold")
sk:close()
check.raises("not connected", function() sk:close() end)
sk = nil
collectgarbage()
tmr.create():alarm(500, tmr.ALARM_SINGLE, function()
  check.eq(accepted, 0, "no connection after close")
  print(table.concat(log, ","))
  srv:close()
end)
