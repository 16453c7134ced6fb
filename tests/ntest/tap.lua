-- Two runs reported in TAP form, each numbered on its own: pass, fail with a
-- message, except, an except whose message is a traceback of several lines
-- (a timer callback that raises), and a `#` in a test name.
local A = require "NTest" ("run #A")
local B = require "NTest" ("run B")

A.test("passes", function() ok(true) end)
B.test("b passes", function() ok(eq({}, {})) end)
A.test("fails", function() ok(eq(1, 2), "one is not two") end)
A.test("raises", function() error("kaboom") end)
A.testasync("timer raises", function(next)
  tmr.create():alarm(5, tmr.ALARM_SINGLE, function() error("late") end)
end)
A.test("fails #2", function() nok(true) end)
