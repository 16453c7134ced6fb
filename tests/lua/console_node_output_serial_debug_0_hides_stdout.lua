-- runtime.md §4.2.1: node.output(fn, 0) sends console output only to a pipe
-- read by fn at MEDIUM; node.output() brings stdout back.
local check = require "lib.check"
local got = {}
node.output(function(p)
  for rec in p:reader() do got[#got + 1] = rec end
end, 0)
print("captured", 1)
print("captured", 2)
-- LOW runs after the MEDIUM reader task the prints posted (§2.3).
node.task.post(node.task.LOW_PRIORITY, function()
  node.output()
  check.eq(table.concat(got), "captured\t1\ncaptured\t2\n", "pipe contents")
  print("back on stdout")
end)
