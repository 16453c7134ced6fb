-- args: --profile host --dns-server 127.0.0.1:9
-- no-stderr: W-NET10
-- net.md §7.4: the host profile has no limit on lookups in flight, and
-- every one is answered once (here with nil: the only server is a closed port).
local check = require "lib.check"
local answered = 0
for i = 1, 40 do
  net.dns.resolve("host" .. i .. ".invalid", check.calls("lookup#" .. i, 1, function(_, ip)
    check.eq(ip, nil, "answer")
    answered = answered + 1
    if answered == 40 then
      check.done()
      print("all answered")
    end
  end))
end
