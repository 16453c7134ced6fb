-- runtime.md §4.2.1, §4.3: compile(name): a base name over 31 bytes or a NUL
-- is "(filename invalid)"; a name not ending in .lua "not a .lua file".
local check = require "lib.check"
check.raises("bad argument #1 to 'compile' (string expected, got no value)", function() node.compile() end)
check.raises("bad argument #1 to 'compile' (filename invalid)",
  function() node.compile(("x"):rep(28) .. ".lua") end)
check.raises("bad argument #1 to 'compile' (filename invalid)", function() node.compile("a\0b.lua") end)
check.raises("not a .lua file", function() node.compile("init.txt") end)
check.raises("not a .lua file", function() node.compile("lua") end)
check.raises("not a .lua file", function() node.compile(5) end)
-- 31 bytes is still a valid name: the load error follows.
check.raises("cannot open " .. ("y"):rep(27) .. ".lua: ", function() node.compile(("y"):rep(27) .. ".lua") end)
