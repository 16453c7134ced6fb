-- runtime.md §3.3: a missing file gives "cannot open NAME: " (the 5.3 form).
local check = require "lib.check"
check.raises("cannot open no_such_file.lua: ", function() dofile("no_such_file.lua") end)
local f, err = loadfile("no_such_file.lua")
check.eq(f, nil, "loadfile result")
check.eq(err, "cannot open no_such_file.lua: ", "loadfile message")
