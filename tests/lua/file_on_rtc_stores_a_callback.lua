-- runtime.md §4.3: on("rtc"[, fn]) stores the callback (never called); another
-- event is Lua's invalid option; other values "Callback should be function or nil".
local check = require "lib.check"
local called = false
check.eq(select("#", file.on("rtc", function() called = true end)), 0, "register")
file.on("rtc", nil)
file.on("rtc")
check.raises("bad argument #1 to 'on' (invalid option 'sntp')", function() file.on("sntp") end)
check.raises("Callback should be function or nil", function() file.on("rtc", 5) end)
check.raises("Callback should be function or nil", function() file.on("rtc", "f") end)
check.eq(called, false, "never called")
