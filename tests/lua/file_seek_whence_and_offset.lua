-- args: --scratch
-- runtime.md §4.3: seek([whence[, offset]]): set/cur/end, default cur and 0; returns
-- the new position, or nil (before the start, or past the end: SPIFFS then
-- stays at the end). A bad whence is Lua's invalid option.
local check = require "lib.check"
file.putcontents("s", "0123456789")
local f = file.open("s")
check.eq(f:seek(), 0, "default")
check.eq(f:seek("set", 4), 4, "set")
check.eq(f:read(1), "4", "read after set")
check.eq(f:seek("cur", 2), 7, "cur")
check.eq(f:seek("end", -1), 9, "end")
check.eq(f:read(), "9", "read after end")
check.eq(f:seek("end"), 10, "end, no offset")
check.eq(f:seek("set", -1), nil, "before the start")
check.eq(f:seek(), 10, "unchanged")
f:seek("set", 2)
check.eq(f:seek("set", 11), nil, "past the end")
check.eq(f:seek(), 10, "left at the end")
check.raises("bad argument #1 to 'seek' (invalid option 'top')", function() f:seek("top") end)
check.raises("bad argument #2 to 'seek' (number expected, got table)",
  function() f:seek("set", {}) end)
check.raises("bad argument #1 to 'seek' (invalid option 'x')", function() file.seek("x") end)
f:close()
