-- args: --scratch --ntest=tap
-- runtime.md §6.2: the --ntest=tap handler writes each event's test name and
-- messages as text (tostring); a message whose __tostring raises makes the
-- event raise to its caller, and nothing is written.
-- (The text is made in C++: the sanitizer build checks that the error does not unwind past it.)
local check = require "lib.check"
file.putcontents("NTest.lua", "return function(name) return { name = name } end\n")
local run = require "NTest" ("tap run")
local bad = setmetatable({}, { __tostring = function() error("message without text") end })
local long = "a text longer than fifteen bytes"
check.raises_like("message without text", function() run.outputhandler("pass", long, bad, long) end)
check.raises_like("message without text", function() run.outputhandler("pass", long, long, bad) end)
run.outputhandler("pass", "a test name longer than fifteen bytes")
