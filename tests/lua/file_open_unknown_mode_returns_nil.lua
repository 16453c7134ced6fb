-- args: --scratch
-- runtime.md §4.3: an unknown mode gives nil and creates nothing.
local check = require "lib.check"
for _, mode in ipairs({"x", "rw", "w+b", "", "r++"}) do
  check.eq(file.open("m.txt", mode), nil, "mode " .. mode)
end
check.eq(file.exists("m.txt"), false, "nothing created")
check.raises("bad argument #2 to 'open' (string expected, got table)",
  function() file.open("m.txt", {}) end)
