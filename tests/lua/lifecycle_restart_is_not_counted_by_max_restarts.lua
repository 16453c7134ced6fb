-- runtime.md §1.2: --max-restarts counts restarts caused by errors or the
-- watchdog; node.restart() is not one of them (3 restarts under a limit of 1).
-- args: --scratch --on-error restart --max-restarts 1
-- stderr: N-RESTART: restarting: node\.restart\(\)
-- no-stderr: E-RESTARTS
local boots = tonumber(file.getcontents("boots.txt") or "0") + 1
file.putcontents("boots.txt", tostring(boots))
if boots < 4 then
  node.restart()
else
  print("boot", boots)
end
