-- The test of node_compile_writes_host_bytecode.lua (runtime.md §4.2.1, §3.3).
local check = {}
function check.eq(got, want, what)
  if got ~= want then error(("%s: expected %s, got %s"):format(what, tostring(want), tostring(got)), 2) end
end
check.eq(loadfile("mod.lc"), nil, "no mod.lc before compiling")
check.eq(select("#", node.compile("mod.lua")), 0, "compile returns nothing")
local f = loadfile("mod.lc")
-- Bytecode keeps the source name it was compiled from; a text chunk would be "@mod.lc".
check.eq(debug.getinfo(f, "S").source, "@mod.lua", "debug information kept at level 2")
check.eq(f(), "mod loaded", "the bytecode runs")
check.eq(require("mod"), "mod loaded", "require prefers mod.lc")
-- Level 3 strips all debug information from what compile writes.
node.stripdebug(3)
node.compile("mod.lua")
check.eq(debug.getinfo(loadfile("mod.lc"), "S").source, "=?", "stripped at level 3")
check.eq(loadfile("mod.lc")(), "mod loaded", "stripped bytecode runs")
print("compiled")
