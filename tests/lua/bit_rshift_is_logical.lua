-- runtime.md §4.8: rshift is logical: zeros come in from the left.
local check = require "lib.check"
check.eq(bit.rshift(-1, 28), 15, "rshift(-1, 28)")
check.eq(bit.rshift(0x80000000, 31), 1, "rshift(0x80000000, 31)")
check.eq(bit.rshift(-1, 1), 0x7FFFFFFF, "rshift(-1, 1)")
check.eq(bit.rshift(-1, 0), -1, "rshift(-1, 0)")
check.eq(bit.rshift(256, 4), 16, "rshift(256, 4)")
