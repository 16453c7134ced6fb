-- A test body that raises is an `except` event.
local N = require "NTest" ("raising")

N.test("raises", function()
  local t = nil
  return t.field
end)

N.test("after the exception", function()
  ok(true)
end)
