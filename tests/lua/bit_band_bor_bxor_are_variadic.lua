-- runtime.md §4.8: band, bor and bxor fold any number of operands.
local check = require "lib.check"
check.eq(bit.band(0xFF, 0x0F, 0x3C), 0x0C, "band of three")
check.eq(bit.band(5), 5, "band of one")
check.eq(bit.bor(1, 2, 4, 8, 16), 31, "bor of five")
check.eq(bit.bor(7), 7, "bor of one")
check.eq(bit.bxor(1, 3, 7), 5, "bxor of three")
check.eq(bit.bxor(0x55, 0xFF), 0xAA, "bxor of two")
check.eq(bit.bor(0x80000000, 0), -2147483648, "bor sets the sign bit")
check.eq(bit.band(-1, 0x80000000), -2147483648, "band keeps the sign bit")
check.eq(bit.bxor(0x80000000, 1), -2147483647, "bxor keeps the sign bit")
