-- runtime.md §4.8: operands that are not numbers raise Lua's typed message.
local check = require "lib.check"
check.raises("bad argument #1 to 'bnot' (number expected, got no value)", function() bit.bnot() end)
check.raises("bad argument #1 to 'band' (number expected, got string)", function() bit.band("x", 1) end)
check.raises("bad argument #2 to 'bor' (number expected, got nil)", function() bit.bor(1, nil) end)
check.raises("bad argument #2 to 'lshift' (number expected, got no value)", function() bit.lshift(1) end)
check.raises("bad argument #1 to 'isset' (number expected, got table)", function() bit.isset({}, 1) end)
check.raises("bad argument #2 to 'isclear' (number expected, got boolean)", function() bit.isclear(1, true) end)
