-- net.md §5.3: receive, sent and dns; anything else, "connection" included,
-- raises "invalid callback name"; a non-function raises.
local check = require "lib.check"
local u = net.createUDPSocket()
for _, name in ipairs { "receive", "sent", "dns" } do
  check.eq(select("#", u:on(name, function() end)), 0, name)
  u:on(name, nil)
  u:on(name)
end
for _, name in ipairs { "connection", "disconnection", "reconnection", "Receive", "" } do
  check.raises("invalid callback name", function() u:on(name, function() end) end)
end
check.raises("invalid callback function", function() u:on("receive", 1) end)
check.raises_like("bad argument #1 to 'on'", function() u:on({}, print) end)
check.raises_like("attempt to call", function() u:getpeer() end)
check.raises_like("attempt to call", function() u:connect(1) end)
