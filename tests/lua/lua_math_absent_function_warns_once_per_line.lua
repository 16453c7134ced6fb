-- runtime.md §3.2, §4.0, §5.5: under esp8266, math.pow works but warns W-ABSENT
-- once per calling line: the loop's line once, the second line once.
-- stderr: W-ABSENT: math\.pow is absent from the ESP8266 3\.0 firmware: the device script fails here \(at lua_math_absent_function_warns_once_per_line\.lua:8\)
-- stderr: W-ABSENT: math\.pow is absent .* \(at lua_math_absent_function_warns_once_per_line\.lua:9\)
-- stderr: N-SUMMARY: 2 warnings \(W-ABSENT x2\)
local check = require "lib.check"
local sum = 0
for i = 1, 3 do sum = sum + math.pow(2, i) end
check.eq(math.pow(2, 10), 1024.0, "math.pow(2, 10)")
check.eq(sum, 14.0, "sum of powers")
