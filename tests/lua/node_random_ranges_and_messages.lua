-- runtime.md §4.2.1: random() a float in [0,1); random(n) 1..n; random(l, u)
-- l..u or "(interval is empty)"; more arguments "wrong number of arguments".
local check = require "lib.check"
local seen = {}
for _ = 1, 2000 do
  local f = node.random()
  assert(math.type(f) == "float" and f >= 0 and f < 1, "float in [0,1): " .. tostring(f))
  local n = node.random(6)
  assert(math.type(n) == "integer" and n >= 1 and n <= 6, "1..6: " .. n)
  seen[n] = true
  local r = node.random(-3, -1)
  assert(r >= -3 and r <= -1, "-3..-1: " .. r)
end
for i = 1, 6 do assert(seen[i], "value " .. i .. " never drawn") end
check.eq(node.random(5, 5), 5, "one-value interval")
assert(node.random(math.mininteger, math.maxinteger), "whole integer range")
assert(node.random() ~= node.random(), "two draws differ")
check.raises("bad argument #2 to 'random' (interval is empty)", function() node.random(5, 1) end)
check.raises("bad argument #2 to 'random' (interval is empty)", function() node.random(0) end)
check.raises("wrong number of arguments", function() node.random(1, 2, 3) end)
check.raises("bad argument #1 to 'random' (number expected, got string)", function() node.random("x") end)
