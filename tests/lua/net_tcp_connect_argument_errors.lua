-- net.md §4.1 steps 1-4: connect's argument errors, with exact messages.
local check = require "lib.check"
local sk = net.createConnection()
check.raises("specify port", function() sk:connect(0, "127.0.0.1") end)
check.raises("specify port", function() sk:connect(65536, "127.0.0.1") end)
check.raises("bad argument #1 to 'connect' (number expected, got no value)", function() sk:connect() end)
check.raises("bad argument #1 to 'connect' (number expected, got string)", function() sk:connect("x") end)
check.raises("bad argument #3 to 'connect' (not a function)", function() sk:connect(80, "127.0.0.1", 5) end)
-- An explicit nil after host counts (§4.1 step 4).
check.raises("bad argument #3 to 'connect' (not a function)", function() sk:connect(80, "127.0.0.1", nil) end)
-- None of the above started anything.
local p = sk:getpeer()
check.eq(p, nil, "getpeer after failed connects")
-- A real attempt, then a second connect while it is in progress.
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c) end)
local port = srv:getaddr()
sk:connect(port, "127.0.0.1", function(s)
  check.raises("already connected", function() s:connect(port, "127.0.0.1") end)
  s:close()
  srv:close()
  print("connected")
end)
check.raises("already connected", function() sk:connect(port, "127.0.0.1") end)
