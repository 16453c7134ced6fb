-- runtime.md §4.8: operands are taken modulo 2^32, so numbers beyond 32 bits
-- (the host has 64-bit integers, §3.1) give the device's 32-bit results.
local check = require "lib.check"
check.eq(bit.band(0x1FFFFFFFF, 0xFFFFFFFF), -1, "high bits dropped")
check.eq(bit.bor(0x100000005, 0), 5, "2^32 + 5")
check.eq(bit.bor(-1, 0), -1, "-1 is all ones")
check.eq(bit.band(0xFFFFFFFF, 0x7FFFFFFF), 0x7FFFFFFF, "0xFFFFFFFF is all ones")
check.eq(bit.bxor(-4294967296, 3), 3, "-2^32 is 0")
check.eq(bit.band(3.0, 1), 1, "a float with an integer value is accepted")
check.eq(bit.band("12", 4), 4, "a numeric string converts as in Lua")
