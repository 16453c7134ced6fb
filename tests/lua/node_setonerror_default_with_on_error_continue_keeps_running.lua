-- args: --on-error continue
-- status: 1
-- no-stderr: E-LUA
-- runtime.md §2.4.2: under continue the default handler only prints the
-- report; later callbacks still run and the run ends with status 1.
tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
  node.task.post(node.task.LOW_PRIORITY, function() print("still running") end)
  error("boom")
end)
