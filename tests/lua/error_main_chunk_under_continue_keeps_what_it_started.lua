-- runtime.md §2.4.3: the device prints a main chunk error and stays up,
-- running what the chunk started; under continue the host does the same and
-- the run ends with status 1.
-- args: --on-error continue
-- status: 1
-- no-stderr: N-RESTART
tmr.create():alarm(30, tmr.ALARM_SINGLE, function() print("timer ran") end)
error("after arming", 0)
