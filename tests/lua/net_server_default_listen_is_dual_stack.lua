-- args: --profile host
-- net.md §3.3, §3.4, §12.1, §12.2: listen without an IP serves IPv4 and IPv6
-- and reports "0.0.0.0"; an IPv4 peer is reported as a plain dotted quad;
-- srv:close() leaves accepted connections open.
local check = require "lib.check"
local srv = net.createServer()
local peers = {}
srv:listen(0, function(c)
  local _, ip = c:getpeer()
  peers[#peers + 1] = ip
  c:on("receive", function(s, d) s:send("echo " .. d) end)
end)
local port, ip = srv:getaddr()
check.eq(ip, "0.0.0.0", "reported ip")
local function client(host, after)
  local sk = net.createConnection()
  sk:on("connection", function(s) s:send(host) end)
  sk:on("receive", function(s, d)
    print(d)
    after(s)
  end)
  sk:connect(port, host)
end
client("127.0.0.1", function(first)
  -- Close the server: the accepted connection keeps working.
  srv:close()
  check.eq(srv:getaddr(), nil, "getaddr after close")
  first:send("still open")
  first:on("receive", function(s, d)
    print(d)
    s:close()
    -- Listening again on the same port works at once (SO_REUSEADDR).
    srv:listen(port, function(c) c:on("receive", function(s2, d2) s2:send("echo " .. d2) end) end)
    client("::1", function(s3)
      s3:close()
      srv:close()
      check.eq(table.concat(peers, ","), "127.0.0.1", "peer text")
    end)
  end)
end)
