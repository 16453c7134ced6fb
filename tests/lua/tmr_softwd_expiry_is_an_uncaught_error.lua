-- runtime.md §2.8: the soft watchdog expires between s and s+1 seconds after
-- tmr.softwd(s); the expiry is E-WATCHDOG, then --on-error (exit: status 1).
-- status: 1
-- stderr: ^nodemcu-host: error: E-WATCHDOG: tmr.softwd expired
local started = tmr.now()
tmr.softwd(1)
tmr.create():alarm(100, tmr.ALARM_AUTO, function()
  -- s + 1 seconds, with room for a loaded machine.
  assert(tmr.now() - started < 4000000, "the watchdog did not expire within s+1 seconds")
end)
