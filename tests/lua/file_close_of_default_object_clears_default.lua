-- args: --scratch
-- runtime.md §4.3: closing the default file's object clears the default; closing
-- another file does not.
local check = require "lib.check"
file.putcontents("x.txt", "xyz")
local other = file.open("x.txt")
local f = file.open("x.txt")
other:close()
check.eq(file.read(1), "x", "default survives closing another file")
f:close()
check.raises("open a file first", function() file.read() end)
file.open("x.txt")
file.close()
check.raises("open a file first", function() file.read() end)
