-- args: --scratch
-- runtime.md §4.3: append modes stand at the end of the file right after opening;
-- other modes at 0 (NTest_file "open existing").
local check = require "lib.check"
for mode, pos in pairs({r = 0, w = 0, a = 11, ["r+"] = 0, ["w+"] = 0, ["a+"] = 11}) do
  file.putcontents("testfile", "testcontent")
  check.eq(type(file.open("testfile", mode)), "userdata", mode)
  check.eq(file.seek(), pos, "position after opening with " .. mode)
  file.write("")
  check.eq(file.seek(), pos, "position after an empty write with " .. mode)
  file.close()
end
-- Appending writes at the end even after a seek back; a+ reads from the seek.
file.putcontents("log", "one\n")
local f = file.open("log", "a+")
check.eq(f:seek("set"), 0, "seek back")
check.eq(f:read(3), "one", "a+ reads")
f:write("two\n")
f:close()
check.eq(file.getcontents("log"), "one\ntwo\n", "appended")
