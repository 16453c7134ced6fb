-- runtime.md §4.8: a number without an integer value raises Lua's own message,
-- in every argument of every function.
local check = require "lib.check"
local function msg(n, name)
  return ("bad argument #%d to '%s' (number has no integer representation)"):format(n, name)
end
check.raises(msg(1, "bnot"), function() bit.bnot(1.5) end)
check.raises(msg(1, "band"), function() bit.band(1.5, 1) end)
check.raises(msg(3, "band"), function() bit.band(1, 1, 0.25) end)
check.raises(msg(2, "bor"), function() bit.bor(1, 2.5) end)
check.raises(msg(2, "bxor"), function() bit.bxor(1, 2^63) end)
check.raises(msg(1, "lshift"), function() bit.lshift(1.5, 1) end)
check.raises(msg(2, "lshift"), function() bit.lshift(1, 0.5) end)
check.raises(msg(2, "rshift"), function() bit.rshift(1, 0.5) end)
check.raises(msg(1, "arshift"), function() bit.arshift(-0.5, 1) end)
check.raises(msg(1, "bit"), function() bit.bit(0.5) end)
check.raises(msg(2, "set"), function() bit.set(0, 1.5) end)
check.raises(msg(3, "clear"), function() bit.clear(0, 1, 1.5) end)
check.raises(msg(2, "isset"), function() bit.isset(1, 0.5) end)
check.raises(msg(1, "isclear"), function() bit.isclear(0.5, 0) end)
