-- runtime.md §2.4.2: a node.setonerror handler that raises has its error
-- printed in the default form, then the policy applies (exit: status 1);
-- no loop.
-- status: 1
-- stderr: E-LUA: uncaught error in a tmr callback
node.setonerror(function(e)
  error("handler broke")
end)
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() error("first") end)
