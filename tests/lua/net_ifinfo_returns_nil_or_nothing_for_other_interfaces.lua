-- net.md §15: ifinfo(1) is nil (no emulated access point); other indexes
-- return no values; the index must be a number.
local check = require "lib.check"
check.eq(select("#", net.ifinfo(1)), 1, "one value for the access point")
check.eq(net.ifinfo(1), nil, "no access point")
check.eq(select("#", net.ifinfo(2)), 0, "index 2")
check.eq(select("#", net.ifinfo(-1)), 0, "index -1")
check.raises_like("bad argument #1 to 'ifinfo'", function() net.ifinfo("x") end)
local t = net.ifinfo()
if t ~= nil then  -- nil only on a machine without a default route
  check.eq(type(t), "table", "station info")
  check.eq(#t.hwaddr, 6, "binary MAC")
  check.eq(t.dhcp, nil, "no dhcp field")
  check.eq(t.ip:match("^%d+%.%d+%.%d+%.%d+$") ~= nil, true, "dotted quad ip")
  check.eq(t.netmask:match("^%d+%.%d+%.%d+%.%d+$") ~= nil, true, "dotted quad netmask")
end
