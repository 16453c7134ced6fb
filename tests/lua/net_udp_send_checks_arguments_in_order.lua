-- net.md §5.2 steps 1-4: need port, invalid IP address (names are not
-- resolved), no data to send; ports taken mod 65536; type errors.
local check = require "lib.check"
local u = net.createUDPSocket()
local fired = 0
u:on("sent", function() fired = fired + 1 end)
check.raises("need port", function() u:send(0, "bad", "") end)
check.raises("need port", function() u:send(65536, "bad", "") end)
check.raises("invalid IP address", function() u:send(1, "bad", "") end)
check.raises("invalid IP address", function() u:send(1, "localhost", "x") end)
check.raises("invalid IP address", function() u:send(1, "", "x") end)
check.raises("no data to send", function() u:send(1, "127.0.0.1", "") end)
check.raises_like("bad argument #1 to 'send'", function() u:send({}, "127.0.0.1", "x") end)
check.raises_like("bad argument #2 to 'send'", function() u:send(1, {}, "x") end)
check.raises_like("bad argument #3 to 'send'", function() u:send(1, "127.0.0.1", {}) end)
check.raises("invalid user data", function() u.send("x", 1, "127.0.0.1", "x") end)
check.eq(fired, 0, "no sent event for a rejected send")
check.eq(u:getaddr(), nil, "a rejected send does not bind")
