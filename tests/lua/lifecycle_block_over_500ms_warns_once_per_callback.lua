-- runtime.md §2.8, §5.5: a callback running over 500 ms warns W-BLOCK once per
-- definition (at its chunk:line), and N-SUMMARY counts it at exit.
-- stderr: ^nodemcu-host: warning: W-BLOCK: callback ran \d+ ms without yielding.* \(at lifecycle_block_over_500ms_warns_once_per_callback.lua:7\)$
-- stderr: ^nodemcu-host: note: N-SUMMARY: 1 warnings \(W-BLOCK x1\); heap high-water \d+ of 43368$
-- no-stderr: (?s)W-BLOCK.*W-BLOCK.*N-SUMMARY
local n = 0
tmr.create():alarm(10, tmr.ALARM_AUTO, function(t)
  tmr.delay(600000)
  n = n + 1
  if n == 2 then t:unregister() end
end)
