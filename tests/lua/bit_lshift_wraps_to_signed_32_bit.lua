-- runtime.md §4.8: lshift shifts in 32 bits; bit 31 makes the result negative.
local check = require "lib.check"
check.eq(bit.lshift(1, 0), 1, "lshift(1, 0)")
check.eq(bit.lshift(1, 4), 16, "lshift(1, 4)")
check.eq(bit.lshift(1, 31), -2147483648, "lshift(1, 31)")
check.eq(bit.lshift(3, 31), -2147483648, "lshift(3, 31): bit 32 is lost")
check.eq(bit.lshift(0xFF, 28), -268435456, "lshift(0xFF, 28)")
check.eq(bit.lshift(-1, 1), -2, "lshift(-1, 1)")
