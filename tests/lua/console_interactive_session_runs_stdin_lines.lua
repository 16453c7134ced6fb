-- runtime.md §1.2, §4.9.3: -i prints a first prompt after boot, runs each
-- stdin line as a LOW task with the prompt after it, `=expr` prints values,
-- and the run ends with status 0 at EOF once no other work is left.
-- args: -i
-- stdin: print("line one")\n=1+2, "x"\nlocal n = 5\n=n\n
print("booted")
