-- runtime.md §3.2: the firmware's table library has no maxn.
local check = require "lib.check"
check.eq(table.maxn, nil, "table.maxn")
check.eq(type(table.concat), "function", "table.concat")
