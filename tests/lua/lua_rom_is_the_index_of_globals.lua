-- runtime.md §3.2: built-in modules sit in ROM, the __index of _G's metatable,
-- and ROM is itself one of its entries (as the firmware's linit.c has it).
local check = require "lib.check"
check.eq(type(ROM), "table", "ROM")
check.eq(getmetatable(_G).__index, ROM, "__index of _G's metatable")
check.eq(ROM.tmr, tmr, "ROM.tmr")
check.eq(type(ROM.tmr), "table", "ROM.tmr type")
check.eq(ROM.bit, bit, "ROM.bit")
check.eq(ROM.ROM, ROM, "ROM.ROM")
check.eq(rawget(_G, "tmr"), nil, "tmr is not a raw global")
check.eq(rawget(_G, "ROM"), nil, "ROM is not a raw global")
