-- runtime.md §4.14: _HOST is a plain host global, not a firmware module.
local check = require "lib.check"
check.eq(type(rawget(_G, "_HOST")), "table", "raw global")
check.eq(ROM._HOST, nil, "not in ROM")
check.eq(package.loaded._HOST, nil, "not in package.loaded")
