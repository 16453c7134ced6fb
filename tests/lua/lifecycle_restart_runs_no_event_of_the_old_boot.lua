-- runtime.md §2.5: node.restart() returns and the callback finishes; then,
-- before any other event, the boot is torn down: a timer due at the same time
-- and an AUTO timer never fire; -e chunks run at the first boot only (§2.1).
-- args: -e "print('e chunk')"
local raw, reason = node.bootreason()
if reason == 0 then
  tmr.create():alarm(50, tmr.ALARM_SINGLE, function()
    node.restart()
    print("restart returned")
  end)
  tmr.create():alarm(50, tmr.ALARM_SINGLE, function() print("same-time timer ran") end)
  tmr.create():alarm(60, tmr.ALARM_AUTO, function() print("old tick") end)
else
  print("rebooted", raw, reason)
end
