-- runtime.md §5.1: W-BLOCK is a device-profile warning; the host profile is silent.
-- args: --profile host
-- no-stderr: W-BLOCK
-- no-stderr: N-SUMMARY
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() tmr.delay(600000) end)
