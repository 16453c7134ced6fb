-- args: --scratch
-- stderr: W-FILES: more than 4 files open at once.*\(at file_open_over_limit_warns_w_files.lua:11\)
-- runtime.md §5.4: the esp8266 profile allows 4 open files; a fifth opens with W-FILES.
local check = require "lib.check"
local open = {}
for i = 1, 4 do
  open[i] = file.open("f" .. i, "w")
  check.eq(type(open[i]), "userdata", "file " .. i)
end
-- line 11:
local fifth = file.open("f5", "w")
check.eq(type(fifth), "userdata", "the fifth opens")
