-- runtime.md §3.2: a global of a module's name shadows the module; removing
-- the global shows the module again.
local check = require "lib.check"
local module = tmr
tmr = "mine"
check.eq(tmr, "mine", "the global wins")
check.eq(ROM.tmr, module, "ROM keeps the module")
tmr = nil
check.eq(tmr, module, "the module is back")
