-- stderr: N-DSLEEP: node\.dsleep\(1000000\).*--on-dsleep exit
-- runtime.md §2.6, §1.3: under --on-dsleep exit (the default) dsleep ends the
-- run with status 0 once the callback returns; nothing else runs.
tmr.create():alarm(500, tmr.ALARM_SINGLE, function() print("never: the device sleeps") end)
node.task.post(node.task.LOW_PRIORITY, function() print("task before the sleep") end)
node.task.post(node.task.LOW_PRIORITY, function()
  node.task.post(node.task.HIGH_PRIORITY, function() print("never: a task after the sleep") end)
  node.dsleep(1000000)
  print("dsleep returned")
end)
