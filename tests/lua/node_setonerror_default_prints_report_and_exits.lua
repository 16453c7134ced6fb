-- status: 1
-- stderr: E-LUA: uncaught error in a tmr callback .*exiting \(--on-error exit\)
-- runtime.md §2.4.1-§2.4.2: without a handler the default prints the report
-- and --on-error exit (the default) ends the run with status 1.
tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
  node.task.post(node.task.LOW_PRIORITY, function() print("never: the run has ended") end)
  error("boom")
end)
