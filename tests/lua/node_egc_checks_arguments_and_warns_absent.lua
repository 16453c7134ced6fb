-- stderr: W-ABSENT: node\.egc\.setmode is absent from the ESP8266
-- stderr: W-ABSENT: node\.egc\.meminfo is absent from the ESP8266
-- runtime.md §4.2.1: node.egc belongs to the 5.1 firmware: W-ABSENT in the
-- 5.3 build; setmode checks "(invalid mode)" and "(limit must be non-zero)".
local check = require "lib.check"
check.eq(node.egc.NOT_ACTIVE, 0, "NOT_ACTIVE")
check.eq(node.egc.ON_ALLOC_FAILURE, 1, "ON_ALLOC_FAILURE")
check.eq(node.egc.ON_MEM_LIMIT, 2, "ON_MEM_LIMIT")
check.eq(node.egc.ALWAYS, 4, "ALWAYS")
check.raises("bad argument #1 to 'setmode' (invalid mode)", function() node.egc.setmode(8) end)
check.raises("bad argument #1 to 'setmode' (limit must be non-zero)",
  function() node.egc.setmode(node.egc.ON_MEM_LIMIT) end)
check.eq(select("#", node.egc.setmode(node.egc.ON_MEM_LIMIT, 4096)), 0, "setmode returns nothing")
check.eq(select("#", node.egc.setmode(node.egc.ALWAYS)), 0, "ALWAYS needs no limit")
local total, used = node.egc.meminfo()
assert(math.type(total) == "integer" and total > 0, "meminfo total")
check.eq(used, total, "meminfo gives host bytes twice")
