-- runtime.md §4.10, §2.3: a write posts the reader task unless one is pending;
-- the task runs at the pipe's priority with the pipe as argument.
local check = require "lib.check"
local calls, order = 0, {}
local p
p = pipe.create(function(pipe)
  calls = calls + 1
  check.eq(pipe, p, "argument")
  order[#order + 1] = "reader:" .. pipe:read(100)
end, node.task.LOW_PRIORITY)
p:write("a")
p:write("b")
p:write("c")
node.task.post(node.task.MEDIUM_PRIORITY, function() order[#order + 1] = "medium" end)
check.eq(calls, 0, "the reader runs as a task, not inside write")
-- Posted after the reader's task at the same priority: runs after it (§2.3).
node.task.post(node.task.LOW_PRIORITY, function()
  check.eq(calls, 1, "one task for three writes")
  check.eq(table.concat(order, ","), "medium,reader:abc", "LOW after MEDIUM")
  p:write("d")
  node.task.post(node.task.LOW_PRIORITY, function()
    check.eq(calls, 2, "a later write posts again")
    check.eq(order[3], "reader:d", "second read")
  end)
end)
