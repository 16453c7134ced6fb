-- An async test that never calls next: when no work is left the run has not
-- reached `finish`.
local N = require "NTest" ("never finishes")

N.test("first", function()
  ok(true)
end)

N.testasync("forgets next", function(next)
  ok(type(next) == "function")
end)

N.test("never runs", function()
  ok(true)
end)
