-- runtime.md §2.8: a negative tmr.softwd disables the watchdog.
-- no-stderr: E-WATCHDOG
tmr.softwd(1)
tmr.softwd(-1)
tmr.create():alarm(2500, tmr.ALARM_SINGLE, function() end)
