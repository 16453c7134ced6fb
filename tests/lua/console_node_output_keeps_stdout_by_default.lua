-- runtime.md §4.2.1: without serial_debug 0, console output reaches stdout
-- and the pipe; the reader runs as a MEDIUM task after the printing callback.
local got, order = {}, {}
node.output(function(p)
  order[#order + 1] = "reader"
  got[#got + 1] = p:read(1000)
end)
print("both")
order[#order + 1] = "main"
node.task.post(node.task.LOW_PRIORITY, function()
  node.output()
  print(table.concat(order, ","), #got, got[1] == "both\n")
end)
