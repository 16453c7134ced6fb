-- runtime.md §4.9.2: uart.on("data", n, fn, 0) hands stdin to fn n bytes at a
-- time as MEDIUM tasks; at EOF the short rest comes last and the run ends.
-- stdin: abcdefghij
uart.on("data", 4, function(data) print("got[" .. data .. "]") end, 0)
node.task.post(node.task.LOW_PRIORITY, function() print("low task") end)
