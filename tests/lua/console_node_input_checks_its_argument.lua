-- runtime.md §4.2.1: node.input(str) needs a string.
local check = require "lib.check"
check.raises("bad argument #1 to 'input' (string expected, got no value)",
  function() node.input() end)
check.raises("bad argument #1 to 'input' (string expected, got table)",
  function() node.input({}) end)
