-- args: --profile esp8266
-- stderr: W-TASKQ: more than 8 tasks pending at priority 0
-- runtime.md §2.3, §5.4: a 9th pending LOW task warns W-TASKQ and is still queued.
local check = require "lib.check"
local ran = 0
for _ = 1, 8 do node.task.post(node.task.LOW_PRIORITY, function() ran = ran + 1 end) end
node.task.post(node.task.LOW_PRIORITY, function()
  check.eq(ran, 8, "the first 8 ran before the 9th")
  print("9th task ran")
end)
node.task.post(node.task.HIGH_PRIORITY, function() check.eq(ran, 0, "HIGH first") end)
