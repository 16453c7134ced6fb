-- args: --scratch
-- runtime.md §4.3: read(n) reads up to n bytes (more than 1024 too); read(0) is "".
local check = require "lib.check"
file.putcontents("n", string.rep("0123456789", 300))
local f = file.open("n")
check.eq(f:read(0), "", "read(0)")
check.eq(f:read(3), "012", "read(3)")
check.eq(#f:read(2000), 2000, "read(2000)")
check.eq(#f:read(5000), 997, "the rest")
check.eq(f:read(0), "", "read(0) at end of file")
check.eq(f:read(1), nil, "read(1) at end of file")
f:close()
check.raises("bad argument #1 to 'read' (number has no integer representation)",
  function() f = file.open("n"); f:read(1.5) end)
