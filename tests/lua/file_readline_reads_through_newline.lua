-- args: --scratch
-- runtime.md §4.3: readline() is read("\n"): the newline is kept; nil at the end.
local check = require "lib.check"
file.putcontents("lines", "one\ntwo\nlast")
file.open("lines")
check.eq(file.readline(), "one\n", "first")
check.eq(file.readline(), "two\n", "second")
check.eq(file.readline(), "last", "unterminated last line")
check.eq(file.readline(), nil, "end of file")
file.close()
