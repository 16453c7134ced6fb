-- runtime.md §4.1: tmr.ccount() is µs × CPU MHz wrapped to 32 bits, signed.
-- 30 s at 80 MHz is 2.4e9 cycles: past 2^31, so negative.
-- args: --uptime-offset 30
local check = require "lib.check"
local c = tmr.ccount()
check.eq(math.type(c), "integer", "type")
local base = 2400000000 - 4294967296
assert(c >= base and c < base + 80 * 5000000, "ccount " .. c)
local c2 = tmr.ccount()
assert(c2 >= c, "counts up")
