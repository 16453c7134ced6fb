-- args: --scratch
-- runtime.md §4.3: write returns nil on failure: a file opened for reading.
local check = require "lib.check"
file.putcontents("ro", "keep")
local f = file.open("ro", "r")
check.eq(f:write("x"), nil, "write")
check.eq(f:writeline("x"), nil, "writeline")
check.eq(f:write(""), nil, "empty write")
f:close()
check.eq(file.getcontents("ro"), "keep", "unchanged")
f = file.open("ro", "w")
check.eq(f:read(), nil, "read from a write-only file")
f:close()
