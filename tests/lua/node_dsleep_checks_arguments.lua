-- runtime.md §2.6: option > 4 is "(wrong option value)", us >= 36e9 (or
-- negative) "(invalid time value)"; us nil stores the option only; dsleepMax
-- is the host constant; node.sleep is unavailable as in the default build.
local check = require "lib.check"
check.raises("bad argument #2 to 'dsleep' (wrong option value)", function() node.dsleep(1000, 5) end)
check.raises("bad argument #1 to 'dsleep' (invalid time value)", function() node.dsleep(36000000000) end)
check.raises("bad argument #1 to 'dsleep' (invalid time value)", function() node.dsleep(36e9) end)
check.raises("bad argument #1 to 'dsleep' (invalid time value)", function() node.dsleep(-1) end)
check.eq(select("#", node.dsleep(nil, 4)), 0, "dsleep(nil, option) returns nothing")
check.eq(node.dsleepMax(), 13743895347, "dsleepMax")
check.raises("node.sleep() is unavailable", function() node.sleep({}) end)
-- Still running: dsleep(nil, option) did not sleep.
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() print("still running") end)
