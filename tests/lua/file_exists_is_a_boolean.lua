-- args: --scratch
-- runtime.md §4.3: exists(name) is true for a file, false otherwise (directories too).
local check = require "lib.check"
check.eq(file.exists("nope"), false, "missing")
file.putcontents("dir/here", "x")
check.eq(file.exists("dir/here"), true, "present")
check.eq(file.exists("dir"), false, "a directory is no file")
check.eq(file.exists("/FLASH/dir/here"), true, "/FLASH/ prefix")
