-- args: --scratch
-- runtime.md §4.3: stat gives size, name, false flags and the time 1970-01-01
-- 00:00:00 (SPIFFS keeps no timestamps); nil for a missing file.
local check = require "lib.check"
file.putcontents("testfile", "testfile")
local st = file.stat("testfile")
check.eq(st.size, 8, "size")
check.eq(st.name, "testfile", "name")
for _, flag in ipairs({"is_dir", "is_rdonly", "is_hidden", "is_sys", "is_arch"}) do
  check.eq(st[flag], false, flag)
end
local t = st.time
check.eq(t.year, 1970, "year")
check.eq(t.mon, 1, "mon")
check.eq(t.day, 1, "day")
check.eq(t.hour, 0, "hour")
check.eq(t.min, 0, "min")
check.eq(t.sec, 0, "sec")
check.eq(file.stat("/FLASH/testfile").name, "testfile", "name without /FLASH/")
check.eq(file.stat("not existing file"), nil, "missing")
check.raises("bad argument #1 to 'stat' (string expected, got no value)", function() file.stat() end)
