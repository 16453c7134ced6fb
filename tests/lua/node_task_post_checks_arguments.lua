-- runtime.md §4.2.1: task.post([prio,] fn): prio 0..2 "(invalid  priority)" (two spaces), fn a function.
local check = require "lib.check"
check.eq(node.task.LOW_PRIORITY, 0, "LOW_PRIORITY")
check.eq(node.task.MEDIUM_PRIORITY, 1, "MEDIUM_PRIORITY")
check.eq(node.task.HIGH_PRIORITY, 2, "HIGH_PRIORITY")
check.raises("bad argument #1 to 'post' (invalid  priority)", function() node.task.post(3, print) end)
check.raises("bad argument #1 to 'post' (invalid  priority)", function() node.task.post(-1, print) end)
check.raises("bad argument #2 to 'post' (function expected, got no value)", function() node.task.post(1) end)
check.raises("bad argument #1 to 'post' (function expected, got no value)", function() node.task.post() end)
check.raises("bad argument #1 to 'post' (function expected, got string)", function() node.task.post("x") end)
check.raises("bad argument #1 to 'post' (number has no integer representation)",
  function() node.task.post(1.5, print) end)
