-- args: --dns-server 127.0.0.1:9
-- stderr: N-RESTART
-- net.md §10, runtime.md §2.5: a restart ends the lookups in flight without
-- calling back into Lua; the new boot starts with an empty table of four.
local check = require "lib.check"
print("boot", (node.bootreason()))
if node.bootreason() == 1 then
  for i = 1, 4 do
    net.dns.resolve("pending" .. i .. ".invalid", function() print("stale callback") end)
  end
  node.restart()
else
  local answered = 0
  for i = 1, 4 do
    net.dns.resolve("fresh" .. i .. ".invalid", function(_, ip)
      check.eq(ip, nil, "answer")
      answered = answered + 1
      if answered == 4 then print("fresh lookups answered") end
    end)
  end
end
