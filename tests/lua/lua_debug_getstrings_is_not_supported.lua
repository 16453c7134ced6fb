-- runtime.md §3.2, §4.0: debug.getstrings exists and raises the not-supported message.
local check = require "lib.check"
check.eq(type(debug.getstrings), "function", "debug.getstrings")
check.raises("debug.getstrings is not supported on nodemcu-host", function() debug.getstrings("RAM") end)
