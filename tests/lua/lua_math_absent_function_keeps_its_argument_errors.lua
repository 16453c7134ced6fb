-- runtime.md §4.0: the W-ABSENT wrapper does not change a function's own
-- argument errors: name and position are those of a direct call.
local check = require "lib.check"
check.raises("bad argument #1 to 'pow' (number expected, got string)",
             function() return math.pow("x", 1) end)
check.raises("bad argument #2 to 'ldexp' (number has no integer representation)",
             function() return math.ldexp(1, 0.5) end)
local ok, err = pcall(function() return math.log10({}) end)
assert(not ok and err:find("^lua_math_absent_function_keeps_its_argument_errors%.lua:%d+: "), err)
