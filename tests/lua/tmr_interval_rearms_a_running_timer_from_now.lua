-- runtime.md §4.1: interval(ms) on a running timer sets the interval and
-- re-arms it from now.
local check = require "lib.check"
local fired_at
local t = tmr.create()
t:alarm(5000, tmr.ALARM_SINGLE, function() fired_at = tmr.now() end)
tmr.create():alarm(50, tmr.ALARM_SINGLE, function()
  local changed = tmr.now()
  t:interval(100)
  check.eq(t:state(), true, "still running")
  -- Checked well after the new due time, long before the old one.
  tmr.create():alarm(1500, tmr.ALARM_SINGLE, function()
    assert(fired_at, "did not fire at the new interval")
    local ms = (fired_at - changed) // 1000
    assert(ms >= 95, "fired " .. ms .. " ms after the change, expected 100")
  end)
end)
