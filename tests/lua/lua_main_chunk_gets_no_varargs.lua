-- runtime.md §1.1: the main chunk gets no varargs, as on the device.
local check = require "lib.check"
check.eq(select("#", ...), 0, "number of varargs")
