-- args: --on-dsleep wake
-- no-stderr: N-DSLEEP
-- runtime.md §2.6, §2.5: with --on-dsleep wake the device sleeps, then boots
-- afresh with boot reason 2, 5 (the delay is measured in tests/peers/test_node_dsleep_wake.py).
local raw, extended = node.bootreason()
print("boot", raw, extended, MARK)
if raw == 1 then
  MARK = true
  tmr.create():alarm(10, tmr.ALARM_SINGLE, function() node.dsleep(100000) end)
end
