-- stderr: W-ABSENT: node\.uptime is absent from the ESP8266 3\.0 firmware
-- runtime.md §4.2.1: node.uptime is ESP32-only; it works with W-ABSENT: µs since boot, 0.
local check = require "lib.check"
local us, high = node.uptime()
assert(math.type(us) == "integer" and us >= 0, "uptime in µs")
check.eq(high, 0, "second value")
tmr.delay(2000)
assert(node.uptime() - us >= 2000, "uptime advances")
