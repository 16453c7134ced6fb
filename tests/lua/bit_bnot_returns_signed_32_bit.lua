-- runtime.md §4.8: bnot works on 32 bits and returns a signed 32-bit result.
local check = require "lib.check"
check.eq(bit.bnot(0), -1, "bnot(0)")
check.eq(bit.bnot(-1), 0, "bnot(-1)")
check.eq(bit.bnot(0x7FFFFFFF), -2147483648, "bnot(0x7FFFFFFF)")
check.eq(bit.bnot(0xFFFFFFFF), 0, "bnot(0xFFFFFFFF)")
check.eq(bit.bnot(0x0F0F0F0F), -252645136, "bnot(0x0F0F0F0F)")
check.eq(math.type(bit.bnot(0)), "integer", "result type")
