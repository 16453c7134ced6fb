-- runtime.md §2.2: registered but stopped timers are not work; with nothing
-- else left the run ends (status 0) instead of waiting for --timeout.
-- args: --timeout 5
local t = tmr.create()
t:register(1000, tmr.ALARM_AUTO, function() end)
local s = tmr.create()
s:alarm(1000, tmr.ALARM_AUTO, function() end)
s:stop()
local u = tmr.create()
u:alarm(20, tmr.ALARM_SEMI, function() print("semi fired") end)
