-- args: --strict
-- runtime.md §4.0, §4.2.1: under --strict the functions the ESP8266 5.3
-- firmware lacks are nil, so a script fails as on the device.
local check = require "lib.check"
check.eq(node.egc.setmode, nil, "node.egc.setmode")
check.eq(node.egc.meminfo, nil, "node.egc.meminfo")
check.eq(node.uptime, nil, "node.uptime")
