-- net.md §10.3: methods on a socket never connected, closed by the script, or
-- ended by the peer all behave alike.
local check = require "lib.check"

local function inactive(sk, what)
  check.raises("not connected", function() sk:send("x") end)
  check.raises("not connected", function() sk:close() end)
  local p, ip = sk:getpeer()
  check.eq(p, nil, what .. ": getpeer port")
  check.eq(ip, nil, what .. ": getpeer ip")
  p, ip = sk:getaddr()
  check.eq(p, nil, what .. ": getaddr port")
  check.eq(ip, nil, what .. ": getaddr ip")
  check.raises("socket is not open/bound yet", function() sk:ttl() end)
  check.eq(sk:hold(), nil, what .. ": hold")
  check.eq(sk:unhold(), nil, what .. ": unhold")
  sk:on("sent", function() end)
  local answer
  sk:dns("127.0.0.1", function(_, ip2) answer = ip2 end)
  check.eq(answer, "127.0.0.1", what .. ": dns")
  print(what .. " ok")
end

inactive(net.createConnection(), "never connected")

local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  -- The peer closes: the client ends with disconnection 0.
  c:on("sent", function(s) s:close() end)
  c:send("bye")
end)
local port = srv:getaddr()

local closed = net.createConnection()
closed:on("connection", function(s)
  s:close()
  inactive(s, "closed")
  local ended = net.createConnection()
  ended:on("disconnection", function(s2, code)
    check.eq(code, 0, "code")
    -- Inside disconnection the socket is already closed (§4.4).
    inactive(s2, "ended")
    -- A closed socket may connect again (§10.3).
    s2:on("disconnection", nil)
    s2:connect(port, "127.0.0.1", function(s3)
      print("reconnected")
      s3:close()
      srv:close()
    end)
  end)
  ended:connect(port, "127.0.0.1")
end)
closed:connect(port, "127.0.0.1")
