-- args: --profile host --dns-server 127.0.0.1:9
-- no-stderr: W-NET11
-- net.md §0.2, §14: W-NET11 is an esp8266 pitfall warning; the host profile
-- resolves an IPv6 literal silently (§12.1).
net.dns.resolve("::1", function(_, ip) print(ip) end)
