-- runtime.md §4.2.1, §4.0: setpartitiontable is out of scope.
local check = require "lib.check"
check.raises("node.setpartitiontable is not supported on nodemcu-host",
  function() node.setpartitiontable({lfs_size = 0x20000}) end)
