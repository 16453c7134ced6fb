-- args: --dns-server 192.0.2.1 --dns-server 192.0.2.2
-- stderr: N-RESTART: restarting: node\.restart\(\)
-- net.md §7.3: setdnsserver changes a slot for the rest of the run, so the
-- values set before node.restart() are there after it, while a slot the
-- script did not set keeps its --dns-server value.
local dns = net.dns
print(node.bootreason(), dns.getdnsserver(0), dns.getdnsserver(1))
if node.bootreason() == 1 then
  dns.setdnsserver("198.51.100.7", 1)
  tmr.create():alarm(10, tmr.ALARM_SINGLE, function() node.restart() end)
end
