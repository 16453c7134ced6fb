-- args: --scratch
-- runtime.md §4.3: w and w+ truncate; r+ writes over the existing bytes.
local check = require "lib.check"
file.putcontents("t", "abcdef")
local f = file.open("t", "r+")
f:write("XY")
check.eq(f:read(), "cdef", "r+ reads after the write")
f:close()
check.eq(file.getcontents("t"), "XYcdef", "r+")
f = file.open("t", "w+")
check.eq(f:read(), nil, "w+ starts empty")
f:write("new")
f:seek("set")
check.eq(f:read(), "new", "w+ reads back")
f:close()
check.eq(file.getcontents("t"), "new", "w+")
