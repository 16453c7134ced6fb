-- runtime.md §4.9.2: uart.on errors.
local check = require "lib.check"
local f = function() end
check.raises("bad argument #1 to 'on' (method not supported)", function() uart.on("receive", f) end)
check.raises("bad argument #1 to 'on' (method not supported)", function() uart.on() end)
check.raises("bad argument #2 to 'on' (wrong arg range)", function() uart.on("data", 256, f) end)
check.raises("bad argument #2 to 'on' (wrong arg range)", function() uart.on("data", -1, f) end)
check.raises("wrong arg range", function() uart.on("data", "ab", f) end)
check.raises("wrong arg range", function() uart.on("data", "", f) end)
-- Accepted forms register nothing lasting here: unregistered at the end, so
-- the run ends without waiting for stdin.
uart.on("data", 255, f, 0)
uart.on("data", "\n", f, 0)
uart.on("data", 0, f)
uart.on("data")
