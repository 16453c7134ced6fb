-- runtime.md §2.4.3: a -e chunk is a console line: its error prints as
-- "Lua error: " TAB traceback; under exit the run ends with status 1 and
-- the main chunk does not run.
-- args: -e "error('bad')"
-- status: 1
-- stderr: E-LUA: a -e chunk raised an error
print("main chunk ran")
