-- runtime.md §2.4.3: a main chunk error never restarts, even under
-- --on-error restart; the run goes on and ends with status 1.
-- args: --on-error restart
-- status: 1
-- no-stderr: N-RESTART
tmr.create():alarm(30, tmr.ALARM_SINGLE, function() print("timer ran") end)
error("after arming", 0)
