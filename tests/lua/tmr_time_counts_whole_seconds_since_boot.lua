-- runtime.md §4.1: tmr.time() is whole seconds since boot (with --uptime-offset).
-- args: --uptime-offset 100.6
local check = require "lib.check"
check.eq(tmr.time(), 100, "at boot")
check.eq(math.type(tmr.time()), "integer", "type")
tmr.create():alarm(500, tmr.ALARM_SINGLE, function()
  check.eq(tmr.time(), 101, "half a second later")
end)
