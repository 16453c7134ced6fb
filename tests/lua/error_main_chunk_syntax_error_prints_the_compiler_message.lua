-- runtime.md §2.4.3: a main chunk that does not compile prints the compiler
-- message alone (no traceback); status 1 under exit.
-- status: 1
-- stderr: E-LUA: the main chunk
x = = 1
