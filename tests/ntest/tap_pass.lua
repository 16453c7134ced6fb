-- A run with no failures in TAP form; the status stays 0.
local N = require "NTest" ("tap pass")

N.test("one", function() ok(true) end)
N.testasync("two", function(next) node.task.post(function() next() end) end)
