-- runtime.md §2.8: setting the counter again before it drops below 0 keeps
-- the watchdog from expiring.
-- no-stderr: E-WATCHDOG
local feeds = 0
tmr.softwd(2)
tmr.create():alarm(500, tmr.ALARM_AUTO, function(t)
  tmr.softwd(2)
  feeds = feeds + 1
  if feeds == 7 then t:unregister() tmr.softwd(-1) end
end)
