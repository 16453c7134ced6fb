-- runtime.md §4.9.2: uart.write takes strings and byte values; a bad argument
-- raises and nothing of the call is written. (Every argument is checked before
-- the output exists in C++: the sanitizer build checks the error path.)
local check = require "lib.check"
local long = ("x"):rep(100)
check.raises("invalid number", function() uart.write(0, long, 256) end)
check.raises("invalid number", function() uart.write(0, long, -1) end)
check.raises_like("string expected, got table", function() uart.write(0, long, {}) end)
uart.write(0, "written\n")
