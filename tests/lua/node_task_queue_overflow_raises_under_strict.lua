-- args: --strict
-- no-stderr: W-TASKQ
-- runtime.md §5.4: under --strict the 9th pending task at a priority is refused.
local check = require "lib.check"
local ran = 0
for _ = 1, 8 do node.task.post(function() ran = ran + 1 end) end
check.raises("Task queue overflow. Task not posted", function() node.task.post(function() ran = 100 end) end)
-- Other priorities have their own queue; LOW runs after the 8 MEDIUM tasks.
node.task.post(node.task.LOW_PRIORITY, function()
  check.eq(ran, 8, "the queued tasks ran, the refused one did not")
  print("LOW task ran")
end)
