-- runtime.md §4.1: interval(ms) on a registered idle timer changes the interval
-- without arming it; on an unregistered timer it has no effect.
local check = require "lib.check"
local u = tmr.create()
u:interval(10)
check.eq(u:state(), nil, "unregistered stays unregistered")
local started, fired_at
local t = tmr.create()
t:register(5000, tmr.ALARM_SINGLE, function() fired_at = tmr.now() end)
t:interval(60)
check.eq(t:state(), false, "not armed by interval")
started = tmr.now()
t:start()
tmr.create():alarm(2000, tmr.ALARM_SINGLE, function()
  assert(fired_at, "did not fire at the new interval")
  local ms = (fired_at - started) // 1000
  assert(ms >= 55, "fired after " .. ms .. " ms, expected 60")
end)
