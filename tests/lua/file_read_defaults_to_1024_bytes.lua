-- args: --scratch
-- runtime.md §4.3: read() returns at most 1024 bytes, then the rest, then nil.
local check = require "lib.check"
local f = file.open("big", "w")
for _ = 1, 100 do f:write("some text to test") end
f:close()
f = file.open("big")
check.eq(#f:read(), 1024, "first block")
check.eq(#f:read(), 1700 - 1024, "second block")
check.eq(f:read(), nil, "at end of file")
f:close()
-- Exactly 1024 bytes: one block, then nil.
file.putcontents("k", string.rep("k", 1024))
f = file.open("k")
check.eq(#f:read(), 1024, "whole file")
check.eq(f:read(), nil, "then nil")
f:close()
