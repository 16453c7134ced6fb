-- no-stderr: E-LUA
-- no-stderr: N-RESTART
-- runtime.md §2.4.1, §1.3: errors of a callback reach the node.setonerror
-- handler as debug.traceback(err, 2) (a non-string value unchanged); a
-- handled error leaves the status 0 and nothing restarts.
local raised = {}
node.setonerror(function(report)
  if type(report) == "table" then
    print("handled the raised table:", report == raised)
    tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
      error("boom")
    end)
  else
    print("handled: " .. report)
    node.task.post(function() print("still running") end)
  end
end)
node.task.post(function() error(raised) end)
