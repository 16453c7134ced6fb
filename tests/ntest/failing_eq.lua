-- A failing eq is a `fail` event; the run goes on to the next test.
local N = require "NTest" ("failing eq")

N.test("equal lists", function()
  ok(eq({ 1, 2 }, { 1, 2 }), "same")
end)

N.test("unequal lists", function()
  ok(eq({ 1, 2 }, { 1, 3 }), "lists differ in the second element")
end)

N.test("after the failure", function()
  ok(true)
end)
