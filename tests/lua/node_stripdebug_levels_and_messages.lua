-- runtime.md §4.2.1: stripdebug([level[, fn]]): level 1..3 else
-- "(Invalid strip level)", fn a function (or a stack level) else
-- "(not a valid function)"; without arguments the current level (2 by default).
local check = require "lib.check"
check.eq(node.stripdebug(), 2, "default level")
check.eq(node.stripdebug(3), 3, "set level")
check.eq(node.stripdebug(), 3, "level kept")
check.eq(node.stripdebug(1), 1, "set level 1")
check.raises("bad argument #1 to 'stripdebug' (Invalid strip level)", function() node.stripdebug(0) end)
check.raises("bad argument #1 to 'stripdebug' (Invalid strip level)", function() node.stripdebug(4) end)
check.raises("bad argument #1 to 'stripdebug' (Invalid strip level)", function() node.stripdebug("x") end)
check.raises("bad argument #2 to 'stripdebug' (not a valid function)", function() node.stripdebug(2, "f") end)
check.raises("bad argument #2 to 'stripdebug' (not a valid function)", function() node.stripdebug(2, nil) end)
check.raises("bad argument #2 to 'stripdebug' (not a valid function)", function() node.stripdebug(2, 50) end)
assert(math.type(node.stripdebug(2, function() end)) == "integer", "a function gives a count")
assert(math.type(node.stripdebug(2, 1)) == "integer", "a stack level stands for its function")
check.eq(node.stripdebug(), 1, "stripping a function leaves the default alone")
