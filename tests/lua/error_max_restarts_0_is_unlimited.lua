-- runtime.md §1.2: --max-restarts 0 never gives up: the restarts go on until
-- --timeout ends the run (status 124).
-- args: --on-error restart --max-restarts 0 --timeout 5
-- status: 124
-- stderr: N-RESTART
-- stderr: E-TIMEOUT: --timeout of 5 s expired
-- no-stderr: E-RESTARTS
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() error("again", 0) end)
