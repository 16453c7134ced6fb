-- runtime.md §2.3: tasks run in rounds, then timers get a turn, so a task
-- that reposts itself at HIGH cannot starve a timer.
local fired = false
local runs = 0
local function spin()
  runs = runs + 1
  if runs == 1 then
    tmr.create():alarm(20, tmr.ALARM_SINGLE, function() fired = true end)
  end
  assert(runs < 5000000, "the timer never got a turn")
  if not fired then node.task.post(node.task.HIGH_PRIORITY, spin) end
end
node.task.post(node.task.HIGH_PRIORITY, spin)
