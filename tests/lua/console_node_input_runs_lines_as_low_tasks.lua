-- runtime.md §4.2.1, §4.9.3: node.input feeds the interpreter; each complete
-- line is a LOW task with a prompt after it; an unterminated line waits for
-- its newline (here sent by the second line itself).
node.input("print('one')\nnode.input(\"ree')\\n\")\nprint('th")
node.task.post(node.task.MEDIUM_PRIORITY, function() print("medium first") end)
