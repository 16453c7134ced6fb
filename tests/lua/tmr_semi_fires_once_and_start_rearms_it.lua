-- runtime.md §4.1: a SEMI timer fires once and stays registered, idle;
-- start() re-arms it, also from inside its own callback.
local check = require "lib.check"
local count = 0
local t = tmr.create()
t:alarm(20, tmr.ALARM_SEMI, function(timer)
  count = count + 1
  local running, mode = timer:state()
  check.eq(running, false, "idle inside the callback")
  check.eq(mode, tmr.ALARM_SEMI, "still registered")
  if count < 3 then
    check.eq(timer:start(), true, "re-arm")
    return
  end
  tmr.create():alarm(200, tmr.ALARM_SINGLE, function()
    check.eq(count, 3, "firings")
    local r, m = t:state()
    check.eq(r, false, "idle after the last firing")
    check.eq(m, tmr.ALARM_SEMI, "registered after the last firing")
  end)
end)
