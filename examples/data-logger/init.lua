-- A data logger the way NodeMCU scripts are written: a timer samples a
-- "sensor", a task appends each sample to a file on flash, and after ten
-- samples the log is read back and summarised. Runs unmodified on a board.
local SAMPLES = 10
local LOG = "samples.log"

file.remove(LOG)
local taken = 0

local function summarise()
  local f = file.open(LOG, "r")
  local count, sum, line = 0, 0, f:readline()
  while line do
    local value = tonumber(line:match("value=(%d+)"))
    count, sum = count + 1, sum + value
    line = f:readline()
  end
  f:close()
  print(("%d samples logged, mean %.1f, %d bytes of flash used"):format(
    count, sum / count, select(2, file.fsinfo())))
  print("heap free: " .. node.heap())
end

local function store(sample)
  -- Appending from a task keeps the timer callback short, as on the device.
  node.task.post(node.task.LOW_PRIORITY, function()
    local f = file.open(LOG, "a+")
    f:writeline(("t=%d value=%d"):format(sample.t, sample.value))
    f:close()
    if sample.n == SAMPLES then summarise() end
  end)
end

local sampler = tmr.create()
sampler:alarm(100, tmr.ALARM_AUTO, function(t)
  taken = taken + 1
  local sample = { n = taken, t = tmr.now() // 1000, value = node.random(20, 30) }
  print(("sample %d at %d ms: %d"):format(sample.n, sample.t, sample.value))
  store(sample)
  if taken == SAMPLES then t:unregister() end
end)
print("logging " .. SAMPLES .. " samples to " .. LOG)
