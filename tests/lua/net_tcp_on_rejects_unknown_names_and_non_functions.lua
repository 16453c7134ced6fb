-- net.md §4.2: event names are case-sensitive; nil removes; other values raise.
local check = require "lib.check"
local sk = net.createConnection()
check.raises("invalid callback name", function() sk:on("Receive", print) end)
check.raises("invalid callback name", function() sk:on("data", print) end)
check.raises("invalid callback name", function() sk:on("", print) end)
check.raises("invalid callback function", function() sk:on("receive", 1) end)
check.raises("invalid callback function", function() sk:on("receive", "print") end)
check.raises("invalid callback function", function() sk:on("receive", {}) end)
check.raises("bad argument #1 to 'on' (string expected, got table)", function() sk:on({}, print) end)
for _, name in ipairs { "connection", "reconnection", "disconnection", "receive", "sent", "dns" } do
  check.eq(sk:on(name, print), nil, "on " .. name)
  check.eq(sk:on(name, nil), nil, "remove " .. name)
  check.eq(sk:on(name), nil, "remove without argument " .. name)
end
print("ok")
