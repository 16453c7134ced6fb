-- runtime.md §4.3: with no file open, the module forms raise "open a file first";
-- close has no effect.
local check = require "lib.check"
file.close()
check.raises("open a file first", function() file.read() end)
check.raises("open a file first", function() file.read(5) end)
check.raises("open a file first", function() file.readline() end)
check.raises("open a file first", function() file.write("x") end)
check.raises("open a file first", function() file.writeline("x") end)
check.raises("open a file first", function() file.seek() end)
check.raises("open a file first", function() file.flush() end)
check.eq(select("#", file.close()), 0, "close returns nothing")
