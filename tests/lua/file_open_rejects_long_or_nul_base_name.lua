-- args: --scratch
-- runtime.md §4.3: a base name over 31 bytes, or a NUL anywhere, is (filename invalid);
-- the directory part does not count.
local check = require "lib.check"
local b31 = string.rep("n", 31)
local b32 = string.rep("n", 32)
check.raises("bad argument #1 to 'open' (filename invalid)", function() file.open(b32, "w") end)
check.raises("bad argument #1 to 'open' (filename invalid)", function() file.open("a\0b", "w") end)
check.raises("bad argument #1 to 'open' (filename invalid)",
  function() file.open("dir/" .. b32, "w") end)
check.raises("bad argument #1 to 'open' (string expected, got no value)", function() file.open() end)
local f = file.open("some/longer/directory/" .. b31, "w")
check.eq(type(f), "userdata", "31-byte base name under directories")
f:close()
check.eq(file.list()[b32], nil, "nothing created")
