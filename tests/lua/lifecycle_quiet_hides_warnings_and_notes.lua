-- runtime.md §1.2, §5.5: --quiet hides W-* and N-* lines, N-SUMMARY included.
-- args: --quiet --strict --profile host
-- no-stderr: .
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() tmr.delay(600000) end)
