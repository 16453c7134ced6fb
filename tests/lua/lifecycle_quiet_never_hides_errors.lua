-- runtime.md §5.5: --quiet never hides E-* lines.
-- args: --quiet
-- status: 1
-- stderr: ^nodemcu-host: error: E-LUA: uncaught error in a tmr callback
-- no-stderr: W-BLOCK
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() tmr.delay(600000) error("late", 0) end)
