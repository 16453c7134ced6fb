-- args: --dns-server 127.0.0.1:9
-- net.md §7.3: /etc/hosts is read before any server, in both profiles (a
-- host deviation). The only server here is a closed port, so "localhost"
-- can only come from the hosts file; a name it lacks fails.
local check = require "lib.check"
local answers = {}
net.dns.resolve("localhost", function(first, ip)
  check.eq(first, nil, "first argument")
  answers.localhost = ip
end)
net.dns.resolve("no-such-host.invalid", function(_, ip) answers.missing = ip or "nil" end)
tmr.create():alarm(1500, tmr.ALARM_SINGLE, function()
  check.eq(answers.localhost, "127.0.0.1", "localhost")
  check.eq(answers.missing, "nil", "a name outside /etc/hosts")
  print("ok")
end)
