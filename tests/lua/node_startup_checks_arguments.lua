-- runtime.md §4.2.1: startup takes a table, its command a string;
-- startupcommand takes a string and returns true.
local check = require "lib.check"
check.raises("bad argument #1 to 'startup' (table expected, got string)", function() node.startup("x") end)
check.raises("bad argument #-1 to 'startup' (string expected, got boolean)",
  function() node.startup({command = true}) end)
check.raises("bad argument #1 to 'startupcommand' (string expected, got no value)",
  function() node.startupcommand() end)
check.eq(node.startupcommand("=print('x')"), true, "startupcommand")
check.eq(node.startup().command, "=print('x')", "command set by startupcommand")
check.eq(node.startup({}).command, nil, "command cleared")
