-- runtime.md §4.14: _HOST.exit() without a status ends the run with 0, even
-- with work left (an auto timer that would run forever).
-- args: --timeout 5
-- status: 0
tmr.create():alarm(10, tmr.ALARM_AUTO, function() print("tick") _HOST.exit() end)
