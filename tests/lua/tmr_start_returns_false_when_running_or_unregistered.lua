-- runtime.md §4.1: start arms an idle registered timer (true); a running one
-- gives false; an unregistered one gives false and is not armed.
local check = require "lib.check"
local t = tmr.create()
check.eq(t:start(), false, "unregistered")
check.eq(t:start(true), false, "unregistered, restart")
check.eq(t:state(), nil, "still unregistered")
t:register(40, tmr.ALARM_AUTO, function(timer) timer:unregister() end)
check.eq(t:start(), true, "idle and registered")
check.eq(t:start(), false, "already running")
check.eq(t:state(), true, "running")
