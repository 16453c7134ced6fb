-- runtime.md §1.3: an exit status is 0..255.
local check = require "lib.check"
local range = "bad argument #1 to 'exit' (exit status out of range (0-255))"
check.raises(range, function() _HOST.exit(256) end)
check.raises(range, function() _HOST.exit(-1) end)
check.raises("bad argument #1 to 'exit' (number has no integer representation)",
             function() _HOST.exit(1.5) end)
check.raises("bad argument #1 to 'exit' (number expected, got string)",
             function() _HOST.exit("x") end)
