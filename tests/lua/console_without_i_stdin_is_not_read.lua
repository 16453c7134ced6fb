-- runtime.md §2.2, §4.9.3: without -i (and without uart.on) stdin is not
-- read: the lines given are never run.
-- stdin: print("must not run")\n
print("done")
