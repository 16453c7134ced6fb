-- runtime.md §4.1: register checks 1 <= ms <= 6870947 on the full integer,
-- with the ESP8266 source's stringified hex macro as the message.
local check = require "lib.check"
local t = tmr.create()
local msg = "bad argument #1 to 'register' (Range: 1-0x68D7A3)"
check.raises(msg, function() t:register(0, tmr.ALARM_SINGLE, print) end)
check.raises(msg, function() t:register(-1, tmr.ALARM_SINGLE, print) end)
check.raises(msg, function() t:register(6870948, tmr.ALARM_SINGLE, print) end)
-- 2^32 + 1 would be 1 after a 32-bit truncation: the check sees the whole integer.
check.raises(msg, function() t:register(4294967297, tmr.ALARM_SINGLE, print) end)
check.raises(msg, function() t:register(math.maxinteger, tmr.ALARM_SINGLE, print) end)
check.eq(t:state(), nil, "state after refused registrations")
t:register(1, tmr.ALARM_SINGLE, print)
check.eq(t:state(), false, "registered at the minimum")
t:register(6870947, tmr.ALARM_SINGLE, print)
check.eq(t:state(), false, "registered at the maximum")
t:unregister()
