-- runtime.md §2.3: HIGH before MEDIUM before LOW, FIFO within a priority; fn gets its priority.
local function task(name) return function(prio) print(name, prio) end end
node.task.post(node.task.LOW_PRIORITY, task("low1"))
node.task.post(task("medium1"))
node.task.post(node.task.HIGH_PRIORITY, task("high1"))
node.task.post(node.task.LOW_PRIORITY, task("low2"))
node.task.post(node.task.MEDIUM_PRIORITY, task("medium2"))
node.task.post(node.task.HIGH_PRIORITY, task("high2"))
print("main chunk done")
