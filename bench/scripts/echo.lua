-- TCP echo: every chunk received goes straight back.
local srv = net.createServer(net.TCP, 30)
srv:listen(80, "127.0.0.1", function(conn)
  conn:on("receive", function(sck, data) sck:send(data) end)
end)
