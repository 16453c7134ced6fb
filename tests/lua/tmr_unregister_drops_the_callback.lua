-- runtime.md §4.1: unregister disarms and drops the callback; the timer can
-- be registered again.
local check = require "lib.check"
local fired = 0
local t = tmr.create()
t:alarm(30, tmr.ALARM_AUTO, function() fired = fired + 1 end)
t:unregister()
check.eq(t:state(), nil, "state")
check.eq(t:start(), false, "start after unregister")
t:unregister()  -- twice is harmless
local collected = setmetatable({}, { __mode = "k" })
do
  local cb = function() fired = fired + 100 end
  collected[cb] = true
  t:register(30, tmr.ALARM_SINGLE, cb)
end
t:unregister()
collectgarbage()
collectgarbage()
check.eq(next(collected), nil, "the dropped callback was collected")
tmr.create():alarm(150, tmr.ALARM_SINGLE, function() check.eq(fired, 0, "fired") end)
