-- args: --scratch
-- runtime.md §4.3: putcontents writes in w+ and returns true; getcontents returns
-- the whole file (binary, over 1 KB), or nothing when it is missing.
local check = require "lib.check"
local data = "some content \0 and more" .. string.rep("\255", 3000)
check.eq(file.putcontents("bin", data), true, "putcontents")
check.eq(file.getcontents("bin"), data, "getcontents")
check.eq(file.putcontents("bin", 42), true, "number")
check.eq(file.getcontents("bin"), "42", "replaced, not appended")
check.eq(select("#", file.getcontents("non existing file")), 0, "missing: no value")
-- The firmware pads the arguments to two first: nil, not "no value".
check.raises("bad argument #2 to 'putcontents' (string expected, got nil)",
  function() file.putcontents("created") end)
check.eq(file.exists("created"), true, "the firmware opens before checking the contents")
