-- runtime.md §4.1: an alarm's interval counts from the call, even when the
-- main chunk or callback arming it has run a long time (the event loop's
-- cached clock would make it fire early).
tmr.delay(300000)
local armed = tmr.now()
tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
  local ms = (tmr.now() - armed) // 1000
  assert(ms >= 98, "fired " .. ms .. " ms after the call, expected 100")
  local rearmed = tmr.now()
  tmr.delay(300000)
  tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
    local ms2 = (tmr.now() - rearmed) // 1000
    assert(ms2 >= 398, "fired " .. ms2 .. " ms after the delay began, expected 400")
  end)
end)
