-- The test of node_restart_reboots_with_a_fresh_state.lua (runtime.md §2.5).
local raw, extended = node.bootreason()
print("boot", raw, extended, MARK, loadfile("init.lc") ~= nil)
if raw == 1 then
  MARK = "set in the first boot"
  node.compile("init.lua") -- a flash file written before the restart
  tmr.create():alarm(50, tmr.ALARM_SINGLE, function() print("stale timer fired") end)
  tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
    node.restart()
    print("restart returned")
  end)
else
  tmr.create():alarm(150, tmr.ALARM_SINGLE, function() print("second boot done") end)
end
