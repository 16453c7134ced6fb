-- An HTTP server written the way NodeMCU users write them: the request is
-- reassembled across "receive" events (each at most 1460 bytes on the
-- ESP8266), a few paths are routed, files are served from flash, and the
-- response goes out one chunk per "sent" event, never with several send()
-- calls in a row. Runs unmodified on a board.
local CHUNK = 1024  -- stays under the device's 2920-byte send buffer

local TYPES = { html = "text/html", css = "text/css", js = "application/javascript",
                txt = "text/plain", json = "application/json" }

local hits = 0

-- Sends the parts of a response one at a time from the "sent" callback, then closes.
local function respond(sck, status, ctype, body_parts)
  local length = 0
  for _, part in ipairs(body_parts) do length = length + #part end
  local queue = { ("HTTP/1.0 %s\r\nServer: NodeMCU on nodemcu-host\r\nContent-Type: %s\r\n" ..
                   "Content-Length: %d\r\nConnection: close\r\n\r\n"):format(status, ctype, length) }
  for _, part in ipairs(body_parts) do queue[#queue + 1] = part end
  local function next_part(s)
    local part = table.remove(queue, 1)
    if part then s:send(part) else s:close() end
  end
  sck:on("sent", next_part)
  next_part(sck)
end

-- Streams a flash file in CHUNK-sized pieces, reading each only when the last has gone.
local function serve_file(sck, name)
  local info = file.stat(name)
  local f = info and not info.is_dir and file.open(name, "r")
  if not f then return false end
  local ext = name:match("%.(%w+)$") or "txt"
  sck:send(("HTTP/1.0 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n")
           :format(TYPES[ext] or "application/octet-stream", info.size))
  sck:on("sent", function(s)
    local data = f:read(CHUNK)
    if data then
      s:send(data)
    else
      f:close()
      s:close()
    end
  end)
  return true
end

local routes = {
  ["/heap"] = function(sck)
    respond(sck, "200 OK", "application/json",
            { ('{"heap":%d,"uptime_ms":%d,"hits":%d}\n'):format(node.heap(), tmr.now() // 1000, hits) })
  end,
  ["/hello"] = function(sck, query)
    local name = query:match("name=([%w_-]+)") or "world"
    respond(sck, "200 OK", "text/plain", { "Hello, " .. name .. "!\n" })
  end,
}

local function handle(sck, request)
  hits = hits + 1
  local method, path = request:match("^(%u+) (%S+) HTTP")
  if not method then
    return respond(sck, "400 Bad Request", "text/plain", { "bad request\n" })
  end
  local route, query = path:match("^([^?]*)%??(.*)$")
  if routes[route] then return routes[route](sck, query) end
  if route == "/" then route = "/index.html" end
  if method == "GET" and not route:find("..", 1, true) and serve_file(sck, "www" .. route) then
    return
  end
  respond(sck, "404 Not Found", "text/plain", { "not found: " .. route .. "\n" })
end

local srv = net.createServer(30)
srv:listen(80, function(conn)
  local buffer = ""
  conn:on("receive", function(sck, data)
    -- A request may arrive in several pieces: wait for the blank line.
    buffer = buffer .. data
    if #buffer > 4096 then
      buffer = ""
      return respond(sck, "413 Request Entity Too Large", "text/plain", { "too large\n" })
    end
    if buffer:find("\r\n\r\n", 1, true) then
      local request = buffer
      buffer = ""
      handle(sck, request)
    end
  end)
end)
print(("HTTP server on port %d; try /, /hello?name=you, /heap"):format(srv:getaddr()))
