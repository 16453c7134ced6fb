-- runtime.md §4.1: register stops the timer if running; it does not start it.
local check = require "lib.check"
local fired = {}
local t = tmr.create()
t:alarm(30, tmr.ALARM_AUTO, function() fired[#fired + 1] = "old" end)
check.eq(t:state(), true, "running before")
t:register(30, tmr.ALARM_SINGLE, function() fired[#fired + 1] = "new" end)
local running, mode = t:state()
check.eq(running, false, "running after register")
check.eq(mode, tmr.ALARM_SINGLE, "mode after register")
tmr.create():alarm(120, tmr.ALARM_SINGLE, function()
  check.eq(#fired, 0, "callbacks fired before start")
  check.eq(t:start(), true, "start")
  tmr.create():alarm(1000, tmr.ALARM_SINGLE, function()
    check.eq(table.concat(fired, ","), "new", "callbacks fired")
  end)
end)
