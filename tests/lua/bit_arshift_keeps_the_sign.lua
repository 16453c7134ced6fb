-- runtime.md §4.8: arshift is arithmetic: the sign bit fills in from the left.
local check = require "lib.check"
check.eq(bit.arshift(-16, 2), -4, "arshift(-16, 2)")
check.eq(bit.arshift(16, 2), 4, "arshift(16, 2)")
check.eq(bit.arshift(0x80000000, 31), -1, "arshift(0x80000000, 31)")
check.eq(bit.arshift(0xFFFFFFFF, 4), -1, "arshift(0xFFFFFFFF, 4)")
check.eq(bit.arshift(0x7FFFFFFF, 30), 1, "arshift(0x7FFFFFFF, 30)")
check.eq(bit.arshift(-1, 0), -1, "arshift(-1, 0)")
