-- runtime.md §4.1: state() is nil when unregistered, else running, mode.
local check = require "lib.check"
local t = tmr.create()
check.eq(select("#", t:state()), 1, "one value when unregistered")
check.eq(t:state(), nil, "unregistered")
for _, mode in ipairs { tmr.ALARM_SINGLE, tmr.ALARM_AUTO, tmr.ALARM_SEMI } do
  t:register(100, mode, function() end)
  local running, m = t:state()
  check.eq(running, false, "registered")
  check.eq(m, mode, "mode")
  t:start()
  running, m = t:state()
  check.eq(running, true, "started")
  check.eq(m, mode, "mode while running")
  t:stop()
end
t:unregister()
