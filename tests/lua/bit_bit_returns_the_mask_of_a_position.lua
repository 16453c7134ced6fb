-- runtime.md §4.8: bit(n) is 1 shifted left by n, as a signed 32-bit value.
local check = require "lib.check"
check.eq(bit.bit(0), 1, "bit(0)")
check.eq(bit.bit(7), 128, "bit(7)")
check.eq(bit.bit(30), 0x40000000, "bit(30)")
check.eq(bit.bit(31), -2147483648, "bit(31)")
