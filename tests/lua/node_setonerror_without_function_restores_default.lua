-- args: --on-error continue
-- status: 1
-- runtime.md §2.4.1: setonerror() without a function restores the default
-- handler, which prints the report (and so the run ends with status 1).
node.setonerror(function() print("custom handler must not run") end)
node.setonerror()
node.task.post(function() error("after restore", 0) end)
