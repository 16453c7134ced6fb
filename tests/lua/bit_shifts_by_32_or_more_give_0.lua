-- runtime.md §4.8, §8.4: shifts by 32 or more give 0 (undefined on the device;
-- a host choice). A negative amount counts as a huge one.
local check = require "lib.check"
check.eq(bit.lshift(1, 32), 0, "lshift by 32")
check.eq(bit.lshift(1, 100), 0, "lshift by 100")
check.eq(bit.rshift(-1, 32), 0, "rshift by 32")
check.eq(bit.arshift(-1, 32), 0, "arshift by 32")
check.eq(bit.arshift(1, 33), 0, "arshift by 33")
check.eq(bit.rshift(8, -1), 0, "rshift by -1")
check.eq(bit.bit(32), 0, "bit(32)")
