-- args: --scratch --strict
-- no-stderr: W-FSFULL
-- runtime.md §5.4: under --strict, write, writeline and putcontents past the
-- capacity return nil and write nothing.
local check = require "lib.check"
local chunk = string.rep("x", 1024)
-- The total is no whole number of pages: fill the whole pages that remain.
local room = file.fsinfo() // 256 * 256
local f = file.open("fill", "w")
for _ = 1, room // 1024 do check.eq(f:write(chunk), true, "filling") end
check.eq(f:write(string.rep("y", room % 1024)), true, "last bytes")
check.eq(file.fsinfo() < 256, true, "less than a page remaining")
check.eq(f:write("z"), nil, "write")
check.eq(f:writeline(""), nil, "writeline")
f:close()
check.eq(file.stat("fill").size, room, "nothing written")
check.eq(file.putcontents("more", "z"), nil, "putcontents")
check.eq(file.getcontents("more"), nil, "created empty by w+, as the device")
-- Rewriting a file in place needs no new pages.
f = file.open("fill", "r+")
check.eq(f:write("abc"), true, "overwrite within the file")
f:close()
file.remove("fill")
check.eq(file.putcontents("more", "z"), true, "room again")
