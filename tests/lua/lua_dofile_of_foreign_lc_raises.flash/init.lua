-- Run by lua_dofile_of_foreign_lc_raises.lua (runtime.md §3.3).
local ok, err = pcall(dofile, "foreign.lc")
assert(not ok, "dofile of a foreign .lc must raise")
assert(err:find("precompiled chunk", 1, true), err)
local f, msg = loadfile("foreign.lc")
assert(f == nil and msg == err, "loadfile gives nil and the same message: " .. tostring(msg))
