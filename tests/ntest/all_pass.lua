-- Every kind of test passes: sync, async (a timer calls next), coroutine
-- (a timer resumes it through getCB/waitCB). runtime.md §6.2.
local N = require "NTest" ("all pass")
assert(require "NTest" == require "NTest", "require returns the same wrapped constructor")

N.test("assertions that hold", function()
  ok(1 + 1 == 2, "arithmetic")
  nok(false, "nok of false")
  ok(eq({ 1, { a = "x" } }, { 1, { a = "x" } }), "deep equality")
  nok(eq({ 1, 2 }, { 1, 2, 3 }), "longer table differs")
  fail(function() error("expected boom") end, "boom", "fail() catches the raise")
end)

N.testasync("next from a timer", function(next)
  tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
    ok(true)
    next()
  end)
end)

N.testco("coroutine waits for a callback", function(getCB, waitCB)
  tmr.create():alarm(10, tmr.ALARM_SINGLE, getCB("timer fired"))
  local name = waitCB()
  ok(name == "timer fired", "waitCB returns the callback's name")
end)
