-- runtime.md §4.10: nrec() counts the device's internal records of up to 256 bytes.
local check = require "lib.check"
local p = pipe.create()
check.eq(p:nrec(), 0, "empty")
p:write("x")
check.eq(p:nrec(), 1, "one byte")
p:write(("y"):rep(255))
check.eq(p:nrec(), 1, "exactly 256 bytes")
p:write("z")
check.eq(p:nrec(), 2, "257 bytes")
p:write(("w"):rep(600))
check.eq(p:nrec(), 4, "857 bytes")
check.eq(#p:read(300), 300, "read 300")
check.eq(p:nrec(), 3, "the first record is gone")
while p:read(1000) do end
check.eq(p:nrec(), 0, "emptied")
