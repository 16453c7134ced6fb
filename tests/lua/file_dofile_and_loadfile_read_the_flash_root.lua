-- args: --scratch
-- runtime.md §3.3: dofile and loadfile read flash files, chunk names "@name", so
-- errors read "name.lua:3: ...".
local check = require "lib.check"
file.putcontents("lib2/mod.lua", "local a = ...\nreturn 40 + 2, a\n")
local v = dofile("lib2/mod.lua")
check.eq(v, 42, "dofile result")
local fn = loadfile("lib2/mod.lua")
local r, a = fn("arg")
check.eq(r, 42, "loadfile result")
check.eq(a, "arg", "loadfile passes arguments")
file.putcontents("bad.lua", "local x = 1\n\nerror('boom')\n")
local ok, err = pcall(dofile, "bad.lua")
check.eq(ok, false, "raises")
check.eq(err, "bad.lua:3: boom", "chunk name")
ok, err = pcall(dofile, "/FLASH/bad.lua")
check.eq(err, "/FLASH/bad.lua:3: boom", "named as given")
file.putcontents("syntax.lua", "x = = 1")
local f, msg = loadfile("syntax.lua")
check.eq(f, nil, "syntax error")
check.eq(msg:sub(1, 12), "syntax.lua:1", "syntax error names the file")
