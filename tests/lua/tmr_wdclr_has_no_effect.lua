-- runtime.md §4.1: tmr.wdclr() does nothing and returns nothing.
local check = require "lib.check"
check.eq(select("#", tmr.wdclr()), 0, "results")
