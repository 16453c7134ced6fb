-- args: --on-error continue
-- status: 1
-- stderr: E-LUA: unprotected error in a net callback
-- net.md §0.4: a receive callback that raises does not close its socket; under
-- --on-error continue the run goes on and ends with status 1.
local srv = net.createServer()
local n = 0
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, d)
    n = n + 1
    if n == 1 then error("first") end
    print("second " .. d)
    s:close()
    srv:close()
  end)
end)
local sk = net.createConnection()
sk:on("connection", function(s) s:send("a") end)
sk:on("sent", function(s)
  -- The second piece goes out only after the first was handled.
  tmr.create():alarm(100, tmr.ALARM_SINGLE, function()
    if n == 1 then s:send("b") s:on("sent", nil) end
  end)
end)
sk:on("disconnection", function(_, code) print("disconnection " .. code) end)
sk:connect((srv:getaddr()), "127.0.0.1")
