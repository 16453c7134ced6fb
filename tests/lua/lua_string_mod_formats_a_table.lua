-- runtime.md §3.2: fmt % {...} is string.format(fmt, table.unpack(t)).
local check = require "lib.check"
check.eq("%s=%d" % {"a", 1}, "a=1", "two values")
check.eq("%d.%d.%d.%d" % {192, 168, 4, 1}, "192.168.4.1", "four values")
check.eq("plain" % {}, "plain", "no values needed")
check.raises_like("(no value)", function() return "%s %s" % {"only"} end)
