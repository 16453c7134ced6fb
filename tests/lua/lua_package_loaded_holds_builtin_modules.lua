-- runtime.md §3.2, §8.7: package.loaded holds the built-in modules, so require
-- returns them.
local check = require "lib.check"
check.eq(package.loaded.tmr, ROM.tmr, "package.loaded.tmr")
check.eq(package.loaded.bit, ROM.bit, "package.loaded.bit")
check.eq(require("tmr"), ROM.tmr, "require 'tmr'")
check.eq(require("bit"), ROM.bit, "require 'bit'")
