-- runtime.md §2.5, §4.9.3: stdin belongs to the device: after node.restart()
-- the new boot prints its first prompt and runs the lines that follow.
-- args: -i -q
-- stdin: marker = "old"\nnode.restart()\nprint(marker)\n
print("boot")
