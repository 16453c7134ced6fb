tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
  error("boom")
end)
