-- runtime.md §1.2: --modules mirrors a firmware build: other modules are nil.
-- args: --modules tmr,node
local check = require "lib.check"
check.eq(type(tmr), "table", "tmr")
check.eq(type(node), "table", "node")
check.eq(file, nil, "file")
check.eq(bit, nil, "bit")
check.eq(i2c, nil, "i2c (a stub) too")
check.eq(ROM.file, nil, "ROM.file")
check.eq(package.loaded.file, nil, "package.loaded.file")
check.eq(type(_HOST), "table", "_HOST is not a module")
