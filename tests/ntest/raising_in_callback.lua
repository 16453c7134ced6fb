-- An async test whose timer callback raises: NTest's node.setonerror handler
-- turns the uncaught error into an `except` event (runtime.md §2.4.1).
local N = require "NTest" ("raising in callback")

N.testasync("timer raises", function(next)
  tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
    error("boom in a timer")
  end)
end)

N.test("after the exception", function()
  ok(true)
end)
