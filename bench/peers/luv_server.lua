-- Lua 5.3 + luv peer, doing what bench/scripts/*.lua do, in luv's idiom.
--   lua5.3 luv_server.lua http|close|echo|idle PORT     (listens on 127.0.0.1:PORT)
local uv = require("luv")

local mode, port = arg[1], tonumber(arg[2])
local modes = { http = true, close = true, echo = true, idle = true }
if not modes[mode] or not port then
  io.stderr:write("usage: lua5.3 luv_server.lua http|close|echo|idle PORT\n")
  os.exit(2)
end

local HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n\r\nhello world\n"
local HELLO_CLOSE = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n" ..
                    "Connection: close\r\n\r\nhello world\n"

local function shut(client)
  if not client:is_closing() then client:close() end
end

local serve = {}

function serve.http(client)
  local pending = ""
  client:read_start(function(err, data)
    if err or not data then return shut(client) end
    pending = pending .. data
    local answers, from = 0, 1
    while true do
      local _, last = pending:find("\r\n\r\n", from, true)
      if not last then break end
      answers, from = answers + 1, last + 1
    end
    pending = pending:sub(from)
    if #pending > 4096 then return shut(client) end
    if answers == 1 then client:write(HELLO)
    elseif answers > 1 then client:write(HELLO:rep(answers)) end
  end)
end

function serve.close(client)
  local request = ""
  client:read_start(function(err, data)
    if err or not data then return shut(client) end
    request = request .. data
    if request:find("\r\n\r\n", 1, true) then
      client:read_stop()
      client:write(HELLO_CLOSE, function() shut(client) end)
    elseif #request > 4096 then
      shut(client)
    end
  end)
end

function serve.echo(client)
  client:read_start(function(err, data)
    if err or not data then return shut(client) end
    client:write(data)
  end)
end

function serve.idle(client)
  client:read_start(function(err, data)
    if err or not data then return shut(client) end
  end)
end

local server = uv.new_tcp()
assert(server:bind("127.0.0.1", port))
assert(server:listen(1024, function(err)
  if err then return end
  local client = uv.new_tcp()
  if server:accept(client) then
    client:nodelay(true)
    serve[mode](client)
  else
    client:close()
  end
end))
uv.run()
