-- args: --scratch
-- runtime.md §4.3: a closed file object raises "open a file first"; closing again is harmless.
local check = require "lib.check"
local f = file.open("c.txt", "w+")
f:close()
check.raises("open a file first", function() f:read() end)
check.raises("open a file first", function() f:readline() end)
check.raises("open a file first", function() f:write("x") end)
check.raises("open a file first", function() f:writeline("x") end)
check.raises("open a file first", function() f:seek("set") end)
check.raises("open a file first", function() f:flush() end)
f:close()
check.raises("bad argument #1 to 'close' (file.obj expected, got userdata)",
  function() file.close(tmr.create()) end)
