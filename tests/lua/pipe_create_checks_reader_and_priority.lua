-- runtime.md §4.10: pipe.create([fn[, prio]]) takes a function and a priority 0..2.
local check = require "lib.check"
check.raises("bad argument #2 to 'create' (invalid priority)", function() pipe.create(function() end, 3) end)
check.raises("bad argument #2 to 'create' (invalid priority)", function() pipe.create(function() end, -1) end)
check.raises("bad argument #1 to 'create' (function expected, got number)", function() pipe.create(5) end)
-- Without a reader the priority is not looked at, as in the firmware.
assert(pipe.create(nil, 9))
assert(pipe.create())
for prio = 0, 2 do assert(pipe.create(function() end, prio)) end
check.eq(tostring(pipe.create()):match("^Pipe: ") ~= nil, true, "tostring")
