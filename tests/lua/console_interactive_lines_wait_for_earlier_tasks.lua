-- runtime.md §2.3, §4.9.3: stdin lines are LOW tasks, so MEDIUM tasks posted
-- by the main chunk run before the first prompt and line; the interpreter
-- outlives the script's work until EOF, and timers keep running meanwhile.
-- args: -i
-- stdin: print("from stdin")\n
node.task.post(node.task.MEDIUM_PRIORITY, function() print("medium task") end)
