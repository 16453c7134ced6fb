-- runtime.md §4.1: interval(ms) has the same range check as register.
local check = require "lib.check"
local t = tmr.create()
t:register(10, tmr.ALARM_SINGLE, function() end)
local msg = "bad argument #1 to 'interval' (Range: 1-0x68D7A3)"
check.raises(msg, function() t:interval(0) end)
check.raises(msg, function() t:interval(6870948) end)
check.raises(msg, function() t:interval(4294967297) end)
t:interval(6870947)
t:unregister()
