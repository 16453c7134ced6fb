-- runtime.md §2.8, §2.4.2: under --on-error continue a watchdog expiry is
-- reported, the run goes on, and ends with status 1.
-- args: --on-error continue
-- status: 1
-- stderr: E-WATCHDOG
local ticks = 0
tmr.softwd(1)
tmr.create():alarm(100, tmr.ALARM_AUTO, function(t)
  ticks = ticks + 1
  if ticks == 30 then print("still running") t:unregister() end
end)
