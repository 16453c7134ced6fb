-- runtime.md §2.4.2: under continue every uncaught error is reported as on
-- the device, the run goes on, and ends with status 1.
-- args: --on-error continue
-- status: 1
-- no-stderr: N-RESTART
local n = 0
tmr.create():alarm(20, tmr.ALARM_AUTO, function(t)
  n = n + 1
  if n == 3 then t:unregister() print("done") return end
  error("tick " .. n, 0)
end)
