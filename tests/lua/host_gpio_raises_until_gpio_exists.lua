-- runtime.md §4.14, §4.11: _HOST.gpio drives a simulated pin; the gpio module
-- does not exist yet, so it raises rather than pretending to work.
local check = require "lib.check"
check.raises("_HOST.gpio needs the gpio module, which is not implemented yet",
             function() _HOST.gpio(1, 0) end)
