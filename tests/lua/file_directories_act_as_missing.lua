-- args: --scratch
-- runtime.md §4.3: SPIFFS has no directories; on the host a directory is no file.
local check = require "lib.check"
file.putcontents("d/f", "x")
check.eq(file.open("d"), nil, "open for reading")
check.eq(file.open("d", "w"), nil, "open for writing")
check.eq(file.stat("d"), nil, "stat")
check.eq(file.rename("d", "e"), false, "rename")
check.eq(file.exists("d/f"), true, "contents kept")
check.raises("cannot open d: ", function() dofile("d") end)
