-- args: --chipid 0xABCDEF
-- runtime.md §4.2.1: chipid from --chipid, flashid 1458415, flashsize 4 MB, info groups.
local check = require "lib.check"
check.eq(node.chipid(), 0xABCDEF, "chipid")
check.eq(node.flashid(), 1458415, "flashid")
check.eq(node.flashsize(), 4194304, "flashsize")
local heap = node.heap()
check.eq(math.type(heap), "integer", "heap type")
assert(heap > 0 and heap <= 43368, "heap within the esp8266 budget: " .. heap)

local hw = node.info("hw")
check.eq(hw.chip_id, 0xABCDEF, "hw.chip_id")
check.eq(hw.flash_id, 1458415, "hw.flash_id")
check.eq(hw.flash_size, 4096, "hw.flash_size")
check.eq(hw.flash_mode, 2, "hw.flash_mode")
check.eq(hw.flash_speed, 40000000, "hw.flash_speed")

local sw = node.info("sw_version")
check.eq(sw.node_version_major, 3, "major")
check.eq(sw.node_version_minor, 0, "minor")
check.eq(sw.node_version_revision, 0, "revision")
check.eq(sw.git_branch, "release", "git_branch")
check.eq(sw.git_commit_id, "36cbf9f017d356319a6369e299765eedff191154", "git_commit_id")
check.eq(sw.git_release, "3.0.0-release_20240225", "git_release")
check.eq(sw.git_commit_dts, "202402250804", "git_commit_dts")

local bc = node.info("build_config")
check.eq(bc.ssl, false, "ssl")
check.eq(bc.lfs_size, 0, "lfs_size without --lfs")
check.eq(bc.number_type, "double", "number_type")
assert(type(bc.modules) == "string" and bc.modules:find("node", 1, true), "modules lists node")
assert(bc.modules:find("tmr", 1, true), "modules lists tmr")

local lfs = node.info("lfs")
for _, k in ipairs {"lfs_base", "lfs_mapped", "lfs_size", "lfs_used"} do
  check.eq(lfs[k], 0, "info lfs " .. k)
end

local pt = node.getpartitiontable()
check.eq(pt.lfs_addr, 0, "lfs_addr")
check.eq(pt.lfs_size, 0, "lfs_size")
check.eq(pt.spiffs_addr, 0x100000, "spiffs_addr")
check.eq(pt.spiffs_size, 3000000, "spiffs_size (esp8266 file system total)")

check.eq(node.CPU80MHZ, 80, "CPU80MHZ")
check.eq(node.CPU160MHZ, 160, "CPU160MHZ")
check.eq(select("#", node.restore()), 0, "restore returns nothing")
