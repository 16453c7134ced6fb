-- args: --on-error restart --scratch
-- status: 1
-- stderr: N-RESTART
-- runtime.md §2.4.2, net.md §0.4: under --on-error restart a panic in a net
-- callback restarts the device (the main chunk runs again); the run then
-- ends with status 1 once no work is left.
if file.exists("booted") then
  print("restarted, saw " .. file.getcontents("booted"))
  return
end
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function()
    file.putcontents("booted", "the first boot")
    error("boom")
  end)
end)
local sk = net.createConnection()
sk:on("connection", function(s) s:send("x") end)
sk:connect((srv:getaddr()), "127.0.0.1")
