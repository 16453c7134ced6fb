-- net.md §3.2: accept callback, then the socket's "connection", then "receive";
-- callbacks registered in the accept callback miss no data, even data the
-- client sent before the accept ran.
local check = require "lib.check"
local log = {}
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  log[#log + 1] = "accept"
  c:on("connection", function() log[#log + 1] = "connection" end)
  local got = ""
  c:on("receive", function(s, data)
    if got == "" then log[#log + 1] = "receive" end
    got = got .. data
    if got == "hello" then
      check.eq(table.concat(log, ","), "accept,connection,receive", "order")
      print(table.concat(log, ","))
      s:close()
      srv:close()
    end
  end)
end)
local port = srv:getaddr()
local sk = net.createConnection()
-- send is allowed during the handshake (§4.3 step 4): the data reaches the
-- kernel before the server accepts.
sk:connect(port, "127.0.0.1")
sk:send("hello")
