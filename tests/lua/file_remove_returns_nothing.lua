-- args: --scratch
-- runtime.md §4.3: remove returns nothing, file present or not.
local check = require "lib.check"
file.putcontents("gone", "x")
check.eq(select("#", file.remove("gone")), 0, "present")
check.eq(file.exists("gone"), false, "removed")
check.eq(select("#", file.remove("gone")), 0, "missing")
file.putcontents("d/f", "x")
file.remove("d")
check.eq(file.exists("d/f"), true, "remove of a directory does nothing")
