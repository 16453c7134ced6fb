-- args: --dns-server 127.0.0.1:9
-- net.md §7.3: /etc/hosts is read before any server, in both profiles (a
-- host deviation). The only server here is a closed port, so "localhost"
-- can only come from the hosts file; a name it lacks fails.
local check = require "lib.check"
local pending = 2
local function answered()
  pending = pending - 1
  if pending == 0 then
    check.done()
    print("ok")
  end
end
net.dns.resolve("localhost", check.calls("localhost", 1, function(first, ip)
  check.eq(first, nil, "first argument")
  check.eq(ip, "127.0.0.1", "localhost")
  answered()
end))
net.dns.resolve("no-such-host.invalid", check.calls("missing", 1, function(_, ip)
  check.eq(ip, nil, "a name outside /etc/hosts")
  answered()
end))
