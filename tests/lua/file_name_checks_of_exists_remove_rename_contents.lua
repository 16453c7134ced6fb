-- runtime.md §4.3: exists, remove, rename (both names), getcontents and putcontents
-- check names as open does: (filename invalid).
local check = require "lib.check"
local long = string.rep("x", 32)
check.raises("bad argument #1 to 'exists' (filename invalid)", function() file.exists(long) end)
check.raises("bad argument #1 to 'remove' (filename invalid)", function() file.remove("a\0") end)
check.raises("bad argument #1 to 'rename' (filename invalid)", function() file.rename(long, "b") end)
check.raises("bad argument #2 to 'rename' (filename invalid)", function() file.rename("a", long) end)
check.raises("bad argument #1 to 'getcontents' (filename invalid)",
  function() file.getcontents(long) end)
check.raises("bad argument #1 to 'putcontents' (filename invalid)",
  function() file.putcontents(long, "x") end)
check.raises("bad argument #1 to 'exists' (string expected, got no value)",
  function() file.exists() end)
check.eq(file.exists("dir/" .. string.rep("x", 31)), false, "long path, short base name")
