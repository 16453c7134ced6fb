-- runtime.md §5.2: node.heap() = budget - ceil((in_use - base) * scale) -
-- charges; a 10,000-byte string costs its host size times the scale.
-- args: --heap 100000 --heap-scale 0.5
local check = require "lib.check"
local start = node.heap()
assert(start <= 100000 and start > 90000, "free at the main chunk: " .. start)
collectgarbage()
local before = node.heap()
local s = string.rep("x", 10000)
collectgarbage()
local after = node.heap()
local cost = before - after
-- 10,000 bytes plus the string header and a little interpreter bookkeeping,
-- at scale 0.5 (unscaled it would be over 10,000).
assert(cost >= 5000 and cost < 5600, "cost " .. cost)
check.eq(#s, 10000, "length")
