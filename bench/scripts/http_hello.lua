-- HTTP "hello world" with keep-alive, as a NodeMCU user writes it: one server,
-- per-connection state in the closure, requests reassembled across "receive"
-- events, one send per batch of requests (never several sends in a row).
-- Listens on port 80 of the loopback address; bench/run maps port 80 to a host
-- port with --port-map.
local RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n\r\nhello world\n"

local srv = net.createServer(net.TCP, 30)
srv:listen(80, "127.0.0.1", function(conn)
  local pending = ""
  conn:on("receive", function(sck, data)
    pending = pending .. data
    local answers, from = 0, 1
    while true do
      local _, last = pending:find("\r\n\r\n", from, true)
      if not last then break end
      answers, from = answers + 1, last + 1
    end
    pending = pending:sub(from)
    if #pending > 4096 then sck:close() return end   -- not HTTP: give up
    if answers == 1 then
      sck:send(RESPONSE)
    elseif answers > 1 then                           -- pipelined requests
      sck:send(RESPONSE:rep(answers))
    end
  end)
end)
