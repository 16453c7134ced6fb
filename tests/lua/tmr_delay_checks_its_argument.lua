-- runtime.md §4.1: tmr.delay(us) raises (wrong arg range) when us <= 0.
local check = require "lib.check"
local msg = "bad argument #1 to 'delay' (wrong arg range)"
check.raises(msg, function() tmr.delay(0) end)
check.raises(msg, function() tmr.delay(-5) end)
check.raises_like("number expected", function() tmr.delay() end)
tmr.delay(1)
