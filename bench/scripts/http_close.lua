-- HTTP "hello world", one request per connection (Connection: close), the
-- NodeMCU way: answer once the blank line arrived, close from the "sent" event.
local RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n" ..
                 "Connection: close\r\n\r\nhello world\n"

local srv = net.createServer(net.TCP, 30)
srv:listen(80, "127.0.0.1", function(conn)
  local request = ""
  conn:on("receive", function(sck, data)
    request = request .. data
    if request:find("\r\n\r\n", 1, true) then
      sck:on("receive", nil)
      sck:send(RESPONSE, function(s) s:close() end)
    elseif #request > 4096 then
      sck:close()
    end
  end)
end)
