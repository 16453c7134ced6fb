-- runtime.md §2.3: a task runs after the callback that posted it returns.
local order = {}
tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
  node.task.post(node.task.HIGH_PRIORITY, function()
    order[#order + 1] = "task"
    print(table.concat(order, ","))
  end)
  order[#order + 1] = "callback end"
end)
