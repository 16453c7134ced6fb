-- runtime.md §4.2.2: node.flashreload prints the deprecation warning, then is not supported.
local check = require "lib.check"
check.raises("node.flashreload is not supported on nodemcu-host", function() node.flashreload("lfs.img") end)
