-- args: --profile host --dns-server 127.0.0.1:5353
-- net.md §7.3, runtime.md §1.2: one --dns-server replaces the initial values
-- of both slots: slot 0 is its text, slot 1 is empty.
local check = require "lib.check"
check.eq(net.dns.getdnsserver(0), "127.0.0.1:5353", "slot 0")
check.eq(net.dns.getdnsserver(1), nil, "slot 1")
print("ok")
