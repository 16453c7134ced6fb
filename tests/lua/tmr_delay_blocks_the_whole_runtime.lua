-- runtime.md §4.1: tmr.delay(us) blocks everything, as the device's busy-wait:
-- a timer due meanwhile fires only after it returns.
local check = require "lib.check"
local fired_at
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() fired_at = tmr.now() end)
local before = tmr.now()
tmr.delay(150000)
local after = tmr.now()
assert(after - before >= 150000, "delayed only " .. (after - before) .. " µs")
check.eq(fired_at, nil, "fired during the delay")
tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
  assert(fired_at and fired_at >= after, "the due timer fired after the delay")
end)
