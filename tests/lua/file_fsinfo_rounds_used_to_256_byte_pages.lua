-- args: --scratch
-- runtime.md §5.1: fsinfo returns remaining, used, total; used counts each file
-- rounded up to 256-byte pages; the esp8266 profile's total is 3,000,000.
local check = require "lib.check"
local remaining, used, total = file.fsinfo()
check.eq(total, 3000000, "total")
check.eq(remaining + used, total, "remaining = total - used")
check.eq(used % 256, 0, "whole pages")
file.putcontents("one", "x")
local _, used1 = file.fsinfo()
check.eq(used1 - used, 256, "1 byte takes a page")
file.putcontents("two", string.rep("x", 257))
local _, used2 = file.fsinfo()
check.eq(used2 - used1, 512, "257 bytes take two pages")
file.putcontents("two", string.rep("x", 256))
local _, used3 = file.fsinfo()
check.eq(used3 - used1, 256, "rewritten smaller")
file.remove("one")
local _, used4 = file.fsinfo()
check.eq(used4 - used, 256, "removed")
local start, size = file.fscfg()
check.eq(start, 0x100000, "fscfg start")
check.eq(size, 3000000, "fscfg size")
