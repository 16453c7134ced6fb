-- args: --scratch
-- runtime.md §4.3: read(c) reads up to and including c, at most 1024 bytes;
-- a longer string raises "wrong arg range".
local check = require "lib.check"
file.putcontents("d", "a,bb,," .. string.rep("z", 1500))
local f = file.open("d")
check.eq(f:read(","), "a,", "first field")
check.eq(f:read(","), "bb,", "second field")
check.eq(f:read(","), ",", "empty field")
check.eq(#f:read(","), 1024, "no delimiter: 1024 bytes")
check.eq(#f:read(","), 1500 - 1024, "the rest")
check.eq(f:read(","), nil, "end of file")
check.raises("wrong arg range", function() f:read("ab") end)
check.raises("wrong arg range", function() f:read("") end)
f:close()
check.raises("wrong arg range", function() file.read("ab") end)
