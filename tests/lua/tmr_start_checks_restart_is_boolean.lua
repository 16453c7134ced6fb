-- runtime.md §4.1: start([restart]) takes a boolean or nothing.
local check = require "lib.check"
local t = tmr.create()
t:register(50, tmr.ALARM_SINGLE, function() end)
local msg = "bad argument #1 to 'start' (boolean expected)"
check.raises(msg, function() t:start(1) end)
check.raises(msg, function() t:start("true") end)
check.raises(msg, function() t:start({}) end)
check.eq(t:state(), false, "not started by a refused call")
check.eq(t:start(nil), true, "nil is no restart")
check.eq(t:start(false), false, "running: no restart")
t:stop()
