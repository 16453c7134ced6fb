-- args: --scratch
-- runtime.md §4.3: with --scratch, format empties the copy of the flash root and
-- closes the default file; the firmware prints "format done." on the UART.
local check = require "lib.check"
file.putcontents("d/x", "x")
file.open("d/x")
file.format()
check.eq(next(file.list()), nil, "nothing left")
check.eq(file.exists("lib/check.lua"), false, "the test library's copy too")
check.raises("open a file first", function() file.read() end)
local _, used = file.fsinfo()
check.eq(used, 0, "used")
check.eq(file.putcontents("after", "y"), true, "writable again")
