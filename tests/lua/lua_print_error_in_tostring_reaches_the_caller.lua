-- runtime.md §4.9.1: print applies tostring to every argument; an error there
-- reaches print's caller and nothing is printed. (The line is built in C++:
-- the sanitizer build checks that the error does not unwind past it.)
local check = require "lib.check"
local long = ("x"):rep(100)
local bad = setmetatable({}, { __tostring = function() error("no text for this value") end })
check.raises_like("no text for this value", function() print(long, bad) end)
local real = tostring
tostring = function(v) if v == bad then return {} end return real(v) end
check.raises("'tostring' must return a string to 'print'", function() print(long, bad) end)
tostring = real
print("printing goes on")
