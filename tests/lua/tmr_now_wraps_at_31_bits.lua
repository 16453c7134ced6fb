-- runtime.md §4.1: tmr.now() is µs since boot & 0x7FFFFFFF; --uptime-offset
-- starts the uptime about 1 s before the wrap at 2^31 µs (2147.483648 s).
-- args: --uptime-offset 2146.5
local check = require "lib.check"
local first = tmr.now()
check.eq(math.type(first), "integer", "type")
assert(first >= 2146500000 and first <= 0x7FFFFFFF, "first reading " .. first)
tmr.create():alarm(1500, tmr.ALARM_SINGLE, function()
  local later = tmr.now()
  -- About 0.5 s past the wrap; generous for a loaded machine.
  assert(later >= 0 and later < 10000000, "after the wrap: " .. later)
  assert(tmr.time() >= 2147, "tmr.time() keeps counting: " .. tmr.time())
end)
