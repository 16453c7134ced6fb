-- args: --scratch --strict
-- no-stderr: W-FILES
-- runtime.md §5.4: under --strict a fifth open file gives nil and creates nothing;
-- closing one (or letting one be collected) makes room.
local check = require "lib.check"
local open = {}
for i = 1, 4 do open[i] = file.open("f" .. i, "w") end
check.eq(file.open("f5", "w"), nil, "fifth")
check.eq(file.exists("f5"), false, "not created")
check.eq(file.putcontents("f6", "x"), nil, "putcontents needs a file too")
open[1]:close()
local fifth = file.open("f5", "w")
check.eq(type(fifth), "userdata", "after a close")
fifth:close()
open[2] = nil
collectgarbage()
collectgarbage()
check.eq(type(file.open("f7", "w")), "userdata", "after a collection")
