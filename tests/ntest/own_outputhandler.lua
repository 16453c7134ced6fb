-- A run whose script sets its own outputhandler is judged by status alone:
-- its failure does not make status 4, and the handler gets every event in
-- NTest's argument order (runtime.md §6.2). A second run keeps the wrapper
-- and passes.
local mine = require "NTest" ("own handler")
local seen = {}
mine.outputhandler = function(event, test, msg, errormsg)
  seen[#seen + 1] = table.concat({ event, tostring(test), tostring(msg), tostring(errormsg) }, "|")
  if event == "finish" then
    print(table.concat(seen, "\n"))
    -- A wrapper still in place would have counted the fail: make sure the
    -- handler really received it, so status 0 is the wrapper's absence.
    assert(seen[3]:match("^fail|broken|on purpose|assertion failed at own_outputhandler.lua:%d+$"))
  end
end

mine.test("works", function() ok(true) end)
mine.test("broken", function() ok(false, "on purpose") end)

local other = require "NTest" ("wrapped")
other.test("fine", function() ok(true) end)
