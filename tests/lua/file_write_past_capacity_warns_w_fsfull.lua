-- args: --scratch
-- stderr: W-FSFULL: flash file system full \(3000\d+ of 3000000 bytes used\).*\(at file_write_past_capacity_warns_w_fsfull.lua:14\)
-- no-stderr: W-FSFULL.*:12\)
-- runtime.md §5.4: past the esp8266 profile's 3,000,000 bytes a write warns
-- W-FSFULL and is written. The total is no whole number of pages: the test
-- first fills the whole pages that remain, silently.
local check = require "lib.check"
local chunk = string.rep("x", 1024)
local room = file.fsinfo() // 256 * 256
local f = file.open("fill", "w")
for _ = 1, room // 1024 do f:write(chunk) end
f:write(string.rep("y", room % 1024))
-- the next line overflows:
check.eq(f:write(string.rep("z", 300)), true, "written anyway")
f:close()
check.eq(file.stat("fill").size, room + 300, "size")
