-- runtime.md §4.2.2: without --lfs, as a device with no image: list and get
-- give nil, config zeros, time 0; flashindex = get; reload is not supported.
local check = require "lib.check"
check.eq(node.LFS.list(), nil, "list")
check.eq(node.LFS.get("anything"), nil, "get")
check.eq(node.LFS.anything, nil, "LFS.<name>")
check.eq(node.flashindex("anything"), nil, "flashindex")
check.eq(node.LFS.time, 0, "time")
local config = node.LFS.config
for _, k in ipairs {"lfs_base", "lfs_mapped", "lfs_size", "lfs_used"} do check.eq(config[k], 0, k) end
check.raises("node.LFS.reload is not supported on nodemcu-host", function() node.LFS.reload("lfs.img") end)
