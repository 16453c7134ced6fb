-- runtime.md §4.1: the callback must be a function.
local check = require "lib.check"
local t = tmr.create()
local msg = "bad argument #3 to 'register' (Must be function)"
check.raises(msg, function() t:register(10, tmr.ALARM_SINGLE, 5) end)
check.raises(msg, function() t:register(10, tmr.ALARM_SINGLE, "print") end)
check.raises(msg, function() t:register(10, tmr.ALARM_SINGLE) end)
check.raises(msg, function() t:register(10, tmr.ALARM_SINGLE, {}) end)
check.eq(t:state(), nil, "nothing registered")
