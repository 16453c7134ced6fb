-- runtime.md §4.1: stop() is true if the timer was running, else false; it
-- stays registered and does not fire.
local check = require "lib.check"
local fired = false
local t = tmr.create()
check.eq(t:stop(), false, "unregistered")
t:register(30, tmr.ALARM_AUTO, function() fired = true end)
check.eq(t:stop(), false, "registered, idle")
t:start()
check.eq(t:stop(), true, "running")
check.eq(t:stop(), false, "stopped twice")
local running, mode = t:state()
check.eq(running, false, "running after stop")
check.eq(mode, tmr.ALARM_AUTO, "still registered")
tmr.create():alarm(150, tmr.ALARM_SINGLE, function() check.eq(fired, false, "fired") end)
