-- runtime.md §3.2: fmt % v is string.format(fmt, v).
local check = require "lib.check"
check.eq("%d items" % 3, "3 items", "%d")
check.eq("%5.2f" % 3.14159, " 3.14", "%5.2f")
check.eq("<%s>" % "x", "<x>", "%s")
check.eq("%x" % 255, "ff", "%x")
string = nil  -- a script's own global does not break the operator
check.eq("%d" % 7, "7", "with string shadowed")
