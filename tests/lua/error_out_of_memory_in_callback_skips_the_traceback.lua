-- runtime.md §2.4.1, §5.3: with --strict the allocator refuses past the
-- budget; in a callback the report is "out of memory", without traceback.
-- args: --strict --heap 20000
-- status: 1
-- stderr: E-LUA: uncaught error in a tmr callback
-- (string.rep would fail in lauxlib's buffer with an ordinary error, as on the device.)
tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
  local t = {}
  for i = 1, 100000 do t[i] = i end
end)
