-- runtime.md §4.14: _HOST.exit(n) in the main chunk lets the chunk finish;
-- the event loop then never runs, so the armed timer never fires.
-- status: 3
tmr.create():alarm(1, tmr.ALARM_SINGLE, function() print("timer fired") end)
_HOST.exit(3)
print("chunk goes on")
