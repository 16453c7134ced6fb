-- runtime.md §4.1: an armed timer anchors its userdata, so a script may drop
-- every reference and it still fires, as on the device.
local count = 0
-- Fails the test unless the dropped timer fires 4 times first.
local deadline = tmr.create()
deadline:alarm(10000, tmr.ALARM_SINGLE, function() error("fired only " .. count .. " times") end)
local collector = tmr.create()
collector:alarm(5, tmr.ALARM_AUTO, function() collectgarbage() collectgarbage() end)
tmr.create():alarm(25, tmr.ALARM_AUTO, function(timer)
  count = count + 1
  if count == 4 then
    timer:unregister()
    collector:unregister()
    deadline:unregister()
  end
end)
collectgarbage()
collectgarbage()
