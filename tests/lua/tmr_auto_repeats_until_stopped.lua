-- runtime.md §4.1: an AUTO timer repeats at its interval until stopped; it
-- stays registered and running inside its callback.
local check = require "lib.check"
local count = 0
local t = tmr.create()
t:alarm(20, tmr.ALARM_AUTO, function(timer)
  count = count + 1
  local running, mode = timer:state()
  check.eq(running, true, "running inside the callback")
  check.eq(mode, tmr.ALARM_AUTO, "mode inside the callback")
  if count == 5 then
    check.eq(timer:stop(), true, "stop")
    -- Stopped means no sixth firing.
    tmr.create():alarm(200, tmr.ALARM_SINGLE, function() check.eq(count, 5, "repetitions") end)
  end
end)
