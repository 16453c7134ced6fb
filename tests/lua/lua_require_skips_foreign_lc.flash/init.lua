-- Run by lua_require_skips_foreign_lc.lua (runtime.md §3.3).
local mod = require "mod"
assert(mod == "from mod.lua", "require gave " .. tostring(mod))
assert(package.loaded.mod == "from mod.lua", "package.loaded.mod")
