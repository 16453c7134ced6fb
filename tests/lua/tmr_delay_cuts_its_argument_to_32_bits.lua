-- runtime.md §4.1: tmr.delay casts us to a signed 32-bit integer before the
-- range check, as the firmware does: 2^31 and 2^32 raise (wrong arg range)
-- instead of blocking for 35 minutes, and -4294967295 waits 1 µs.
local check = require "lib.check"
local msg = "bad argument #1 to 'delay' (wrong arg range)"
check.raises(msg, function() tmr.delay(2147483648) end)
check.raises(msg, function() tmr.delay(4294967296) end)
check.raises(msg, function() tmr.delay(2 ^ 32 + 2 ^ 31) end)
local t0 = tmr.now()
tmr.delay(-4294967295)
tmr.delay(2 ^ 32 + 1)
assert(tmr.now() - t0 < 1000000, "the 1 µs waits took a second or more")
