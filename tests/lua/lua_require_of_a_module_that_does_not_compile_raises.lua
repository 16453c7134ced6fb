-- args: --scratch
-- runtime.md §3.3: require of a flash module with a syntax error raises
-- "error loading module" with the compiler's message, as Lua's own searcher.
-- (The searcher holds the file in C++: the sanitizer build checks the error path.)
local check = require "lib.check"
file.putcontents("unfinished.lua", "-- a module that never closes its table\nreturn {\n")
local ok, err = pcall(require, "unfinished")
check.eq(ok, false, "raises")
check.eq(err:find("error loading module 'unfinished' from file 'unfinished.lua':\n\t", 1, true) ~= nil,
  true, err)
check.eq(err:find("unfinished.lua:3: unexpected symbol near <eof>", 1, true) ~= nil, true, err)
