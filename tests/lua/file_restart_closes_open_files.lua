-- args: --scratch --strict
-- runtime.md §2.5: a restart closes every open file, so the new boot has all
-- four esp8266 file slots (§5.1) again; written data is kept.
local check = require "lib.check"
if not file.exists("booted") then
  file.putcontents("booted", "1")
  for i = 1, 4 do
    local f = file.open("held" .. i, "w")
    f:write("data " .. i)
  end
  check.eq(file.open("fifth", "w"), nil, "all slots taken")
  node.restart()
else
  local open = {}
  for i = 1, 4 do
    open[i] = file.open("held" .. i, "r")
    check.eq(open[i]:read(), "data " .. i, "kept after restart " .. i)
  end
  _HOST.exit(0)
end
