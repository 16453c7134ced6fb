-- args: --scratch
-- runtime.md §4.3: '/' separates directories, created when writing.
local check = require "lib.check"
local f = file.open("a/b.txt", "w")
check.eq(type(f), "userdata", "open a/b.txt")
f:write("b")
f:close()
check.eq(file.putcontents("x/y/z/deep.txt", "deep"), true, "putcontents")
check.eq(file.getcontents("a/b.txt"), "b", "a/b.txt")
check.eq(file.getcontents("/FLASH/x/y/z/deep.txt"), "deep", "through /FLASH/")
check.eq(file.open("q/r.txt", "r"), nil, "reading creates nothing")
check.eq(file.list()["q/r.txt"], nil, "no file")
