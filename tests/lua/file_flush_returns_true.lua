-- args: --scratch
-- runtime.md §4.3: flush() returns true for an open file.
local check = require "lib.check"
local f = file.open("f", "w")
f:write("x")
check.eq(f:flush(), true, "method")
check.eq(file.flush(), true, "module form")
f:close()
