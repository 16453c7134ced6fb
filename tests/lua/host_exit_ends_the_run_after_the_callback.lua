-- runtime.md §4.14, §1.3: _HOST.exit(n) lets the current callback finish, then
-- shuts down with status n; no further timer fires.
-- status: 42
local ticks = 0
tmr.create():alarm(10, tmr.ALARM_AUTO, function()
  ticks = ticks + 1
  print("tick " .. ticks)
  if ticks == 2 then
    _HOST.exit(42)
    print("callback goes on")
  end
end)
