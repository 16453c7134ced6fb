-- args: --scratch
-- runtime.md §4.3: stat checks the whole name, not only the base name.
local check = require "lib.check"
check.eq(file.putcontents("d/" .. string.rep("s", 29), "x"), true, "putcontents")
check.raises("bad argument #1 to 'stat' (filename invalid)",
  function() file.stat("d/" .. string.rep("s", 30)) end)
check.raises("bad argument #1 to 'stat' (filename invalid)", function() file.stat("a\0") end)
local st = file.stat("d/" .. string.rep("s", 29))
check.eq(st.size, 1, "31-byte whole name")
