-- args: --scratch
-- runtime.md §4.3: module functions act on the default file, the last opened.
local check = require "lib.check"
local a = file.open("a.txt", "w")
local b = file.open("b.txt", "w")
check.eq(file.write("to b"), true, "write")
a:write("to a")
a:close()
b:close()
check.eq(file.getcontents("a.txt"), "to a", "a.txt")
check.eq(file.getcontents("b.txt"), "to b", "b.txt")
-- A failed open leaves no default either.
file.open("b.txt")
check.eq(file.open("missing.txt"), nil, "missing")
check.raises("open a file first", function() file.read() end)
