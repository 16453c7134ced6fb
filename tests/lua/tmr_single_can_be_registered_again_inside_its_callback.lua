-- runtime.md §4.1: a SINGLE timer is unregistered before its callback, so the
-- callback may register and start it again.
local check = require "lib.check"
local count = 0
local function again(timer)
  count = count + 1
  if count < 3 then
    check.eq(timer:alarm(20, tmr.ALARM_SINGLE, again), true, "alarm again")
  else
    tmr.create():alarm(200, tmr.ALARM_SINGLE, function() check.eq(count, 3, "firings") end)
  end
end
tmr.create():alarm(20, tmr.ALARM_SINGLE, again)
