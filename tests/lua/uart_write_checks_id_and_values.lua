-- runtime.md §4.9.2: uart.write(id, ...) errors, with the firmware's texts.
local check = require "lib.check"
check.raises("uart 2 does not exist", function() uart.write(2, "x") end)
check.raises("uart -1 does not exist", function() uart.write(-1, "x") end)
check.raises("invalid number", function() uart.write(0, 256) end)
check.raises("invalid number", function() uart.write(0, -1) end)
check.raises("bad argument #2 to 'write' (string expected, got table)",
  function() uart.write(0, {}) end)
check.raises("bad argument #3 to 'write' (string expected, got boolean)",
  function() uart.write(0, "a", true) end)
check.raises("bad argument #1 to 'write' (number expected, got no value)",
  function() uart.write() end)
check.raises("uart 5 does not exist", function() uart.setup(5, 9600, 8, 0, 1) end)
check.raises("uart 2 does not exist", function() uart.getconfig(2) end)
