-- runtime.md §4.0: a stub module exists like a real one (a table in ROM and
-- package.loaded), so `if i2c then` holds as on a firmware built with it.
local check = require "lib.check"
check.eq(type(i2c), "table", "type(i2c)")
check.eq(ROM.i2c, i2c, "ROM.i2c")
check.eq(package.loaded.i2c, i2c, "package.loaded.i2c")
check.eq(require("spi"), ROM.spi, "require 'spi'")
