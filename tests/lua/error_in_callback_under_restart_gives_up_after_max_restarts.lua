-- runtime.md §2.4.2, §1.3: under restart an uncaught error restarts the device
-- 2 s later; past --max-restarts the run ends with E-RESTARTS, status 3.
-- args: --on-error restart --max-restarts 1
-- status: 3
-- stderr: ^nodemcu-host: note: N-RESTART: restarting: uncaught error
-- stderr: ^nodemcu-host: error: E-RESTARTS: 2 restarts caused by errors \(--max-restarts 1\); giving up$
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() error("again", 0) end)
