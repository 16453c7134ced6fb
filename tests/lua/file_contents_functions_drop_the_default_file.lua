-- args: --scratch
-- runtime.md §4.3: getcontents and putcontents open through file.open, so the
-- default file is gone afterwards.
local check = require "lib.check"
file.open("a", "w")
file.putcontents("b", "x")
check.raises("open a file first", function() file.write("y") end)
file.open("a", "w")
file.getcontents("b")
check.raises("open a file first", function() file.write("y") end)
