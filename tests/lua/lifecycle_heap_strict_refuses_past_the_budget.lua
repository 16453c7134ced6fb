-- runtime.md §5.3: with --strict the allocator refuses past the budget; Lua
-- collects, retries and raises "not enough memory"; smaller work goes on.
-- args: --strict --heap 20000
local check = require "lib.check"
local ok, err = pcall(function()
  local t = {}
  for i = 1, 100000 do t[i] = i end
end)
check.eq(ok, false, "big table")
check.eq(err, "not enough memory", "message")
collectgarbage()
local small = {}
for i = 1, 100 do small[i] = i end
check.eq(#small, 100, "small table")
