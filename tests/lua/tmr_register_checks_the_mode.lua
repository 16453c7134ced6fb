-- runtime.md §4.1: the mode must be ALARM_SINGLE, ALARM_AUTO or ALARM_SEMI.
local check = require "lib.check"
local t = tmr.create()
local msg = "bad argument #2 to 'register' (Invalid mode)"
check.raises(msg, function() t:register(10, 3, print) end)
check.raises(msg, function() t:register(10, -1, print) end)
-- alarm runs register's checks under its own name, as the firmware's tmr_alarm.
check.raises("bad argument #2 to 'alarm' (Invalid mode)", function() t:alarm(10, 7, print) end)
check.eq(t:state(), nil, "nothing registered")
