-- runtime.md §4.8: isset(v, p) and isclear(v, p) test bit p of v.
local check = require "lib.check"
check.eq(bit.isset(4, 2), true, "isset(4, 2)")
check.eq(bit.isset(4, 1), false, "isset(4, 1)")
check.eq(bit.isclear(4, 1), true, "isclear(4, 1)")
check.eq(bit.isclear(4, 2), false, "isclear(4, 2)")
check.eq(bit.isset(-1, 31), true, "isset(-1, 31)")
check.eq(bit.isset(0x80000000, 31), true, "isset(0x80000000, 31)")
check.eq(bit.isset(0x100000000, 0), false, "isset takes v modulo 2^32")
check.eq(bit.isset(-1, 32), false, "no bit 32")
check.eq(bit.isclear(-1, 32), true, "bit 32 is clear")
