-- runtime.md §4.1: a SINGLE alarm fires once, unregistered before its callback.
local check = require "lib.check"
local fired = 0
local t = tmr.create()
check.eq(t:alarm(20, tmr.ALARM_SINGLE, function(timer)
  fired = fired + 1
  check.eq(timer, t, "callback argument")
  check.eq(timer:state(), nil, "state inside the callback")
  check.eq(timer:start(), false, "start inside the callback")
end), true, "alarm")
local watch = tmr.create()
watch:alarm(150, tmr.ALARM_SINGLE, function() check.eq(fired, 1, "fired") end)
