-- runtime.md §4.1: start(true) on a running timer re-arms it from now.
local check = require "lib.check"
local fired_at
local t = tmr.create()
t:alarm(300, tmr.ALARM_SINGLE, function() fired_at = tmr.now() end)
tmr.create():alarm(150, tmr.ALARM_SINGLE, function()
  check.eq(fired_at, nil, "fired before the restart")
  local restarted = tmr.now()
  check.eq(t:start(true), true, "restart")
  tmr.create():alarm(1500, tmr.ALARM_SINGLE, function()
    assert(fired_at, "never fired")
    -- 300 ms from the restart, not 150 ms (what was left of the first arming).
    local ms = (fired_at - restarted) // 1000
    assert(ms >= 295, "fired " .. ms .. " ms after the restart, expected 300")
  end)
end)
