-- net.md §6 steps 1-3: "wrong arg type", "invalid if ip", "invalid multicast ip"
-- in the device's order; text of valid length that is not an address or not
-- a group is silently ignored; both return nothing.
local check = require "lib.check"
for _, f in ipairs { net.multicastJoin, net.multicastLeave } do
  check.raises("wrong arg type", function() f(nil, "239.1.2.3") end)
  check.raises("wrong arg type", function() f({}, "239.1.2.3") end)
  check.raises("invalid if ip", function() f("1.2.3", "239.1.2.3") end)          -- 5 characters
  check.raises("invalid if ip", function() f("1234.1234.1234.1", "239.1.2.3") end) -- 16
  check.raises("invalid if ip", function() f("1.2.3", nil) end)                  -- if_ip first
  check.raises("wrong arg type", function() f("any", nil) end)
  check.raises("wrong arg type", function() f("", true) end)
  check.raises("invalid multicast ip", function() f("any", "1.2.3") end)
  check.raises("invalid multicast ip", function() f("ANY", "239.100.100.100.1") end)
  -- Accepted without effect: not an address, not a group, no such interface.
  check.eq(select("#", f("any", "239.1.2.3")), 0, "any")
  check.eq(select("#", f("", "239.1.2.3")), 0, "empty if_ip")
  check.eq(select("#", f("not.an.ip", "239.1.2.3")), 0, "if_ip not an address")
  check.eq(select("#", f("127.0.0.1", "10.0.0.1")), 0, "not a group")
  check.eq(select("#", f("127.0.0.1", "no.group!")), 0, "group not an address")
  check.eq(select("#", f("10.254.254.254", "239.1.2.3")), 0, "no interface owns it")
  check.eq(select("#", f(1234567, "239.1.2.3")), 0, "a number passes the type check")
end
-- Leaving a group never joined does nothing.
net.multicastLeave("127.0.0.1", "239.9.9.9")
