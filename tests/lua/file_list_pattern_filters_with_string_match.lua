-- args: --scratch
-- runtime.md §4.3: list(pattern) keeps names string.match accepts (NTest_file "list").
local check = require "lib.check"
file.putcontents("testfile1&", "testfile1&")
file.putcontents("testFILE2", "testFILE2")
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end
local l = file.list("testfile%.*")
check.eq(count(l), 1, "one match")
check.eq(l["testfile1&"], 10, "size")
l = file.list("^%l*%u+%d%.-")
check.eq(count(l), 1, "pattern")
check.eq(l["testFILE2"], 9, "size")
check.eq(count(file.list("^nothing matches$")), 0, "no match")
check.raises_like("malformed pattern", function() file.list("%") end)
