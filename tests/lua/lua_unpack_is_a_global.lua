-- runtime.md §3.2: the base library has unpack (Debian's 5.3 lacks it).
local check = require "lib.check"
check.eq(unpack, table.unpack, "unpack is table.unpack")
local a, b, c = unpack({1, 2, 3})
check.eq(a + b + c, 6, "unpack({1, 2, 3})")
check.eq(select("#", unpack({1, nil, 3}, 1, 3)), 3, "explicit range keeps the nil")
check.eq(select("#", unpack({})), 0, "empty table")
