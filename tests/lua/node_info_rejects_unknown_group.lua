-- runtime.md §4.2.1: info(group) takes lfs, hw, sw_version, build_config (luaL_checkoption).
local check = require "lib.check"
check.raises("bad argument #1 to 'info' (invalid option 'hardware')", function() node.info("hardware") end)
check.raises("bad argument #1 to 'info' (string expected, got table)", function() node.info({}) end)
