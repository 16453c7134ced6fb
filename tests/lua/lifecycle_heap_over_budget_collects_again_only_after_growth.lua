-- runtime.md §5.2, §5.3: past the budget, after the full collection that gave
-- W-HEAP, a safe point collects again only once the heap has grown by a
-- quarter since the last such collection: node.heap() stays 0 there, and a
-- collection at every callback would make each one cost a walk of the whole
-- heap. Every full collection finalizes the sentinel below once; 400 tasks
-- that allocate little must see a handful, not one or two per task.
-- args: --heap 20000
-- stderr: W-HEAP: heap budget exceeded after a full collection
local check = require "lib.check"

big = {}
for i = 1, 20000 do big[i] = i end

local collections = 0
local function sentinel()
  setmetatable({}, {__gc = function()
    collections = collections + 1
    sentinel()
  end})
end

local tasks = 400
local function step()
  tasks = tasks - 1
  local scratch = {tasks}  -- a little garbage per task
  if tasks > 0 then
    node.task.post(step)
  else
    -- Lua's own incremental cycles finalize the sentinel too; with a heap
    -- this size and this little garbage they are few.
    assert(collections < 20, "full collections during 400 tasks: " .. collections)
    check.eq(scratch[1], 0, "last task")
  end
end

-- The first safe points collect and warn; count from a task after that.
node.task.post(function()
  sentinel()
  node.task.post(step)
end)
