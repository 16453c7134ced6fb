-- args: --scratch
-- runtime.md §4.3: write and writeline coerce numbers; writeline appends "\n".
local check = require "lib.check"
local f = file.open("w.txt", "w")
check.eq(f:write(12), true, "write a number")
check.eq(f:writeline("ab"), true, "writeline")
check.eq(file.writeline(3), true, "module writeline")
check.raises("bad argument #1 to 'write' (string expected, got table)", function() f:write({}) end)
check.raises("bad argument #1 to 'writeline' (string expected, got no value)",
  function() f:writeline() end)
check.raises("bad argument #1 to 'write' (string expected, got nil)", function() file.write(nil) end)
f:close()
check.eq(file.getcontents("w.txt"), "12ab\n3\n", "contents")
