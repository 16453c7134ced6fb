-- runtime.md §4.8: set(v, ...) and clear(v, ...) change every listed bit.
local check = require "lib.check"
check.eq(bit.set(0, 0, 3), 9, "set(0, 0, 3)")
check.eq(bit.set(0, 0, 3, 31), -2147483639, "set(0, 0, 3, 31)")
check.eq(bit.set(5), 5, "set without positions")
check.eq(bit.set(1, 0), 1, "set of a set bit")
check.eq(bit.clear(0xF, 1, 2), 9, "clear(0xF, 1, 2)")
check.eq(bit.clear(-1, 31, 0), 0x7FFFFFFE, "clear(-1, 31, 0)")
check.eq(bit.clear(6), 6, "clear without positions")
check.eq(bit.clear(0x1FFFFFFFF, 0), -2, "clear takes v modulo 2^32")
