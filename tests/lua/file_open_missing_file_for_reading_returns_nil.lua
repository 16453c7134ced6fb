-- args: --scratch
-- runtime.md §4.3: a missing file opened with r or r+ gives nil; w, a, w+, a+ create it.
local check = require "lib.check"
for _, mode in ipairs({"r", "r+"}) do
  check.eq(file.open("missing.txt", mode), nil, "open with " .. mode)
  check.eq(file.exists("missing.txt"), false, "exists after " .. mode)
end
check.eq(file.open("missing.txt"), nil, "open without a mode reads")
for _, mode in ipairs({"w", "a", "w+", "a+"}) do
  local f = file.open("new_" .. mode .. ".txt", mode)
  check.eq(type(f), "userdata", "open with " .. mode)
  f:close()
  check.eq(file.exists("new_" .. mode .. ".txt"), true, "created by " .. mode)
end
