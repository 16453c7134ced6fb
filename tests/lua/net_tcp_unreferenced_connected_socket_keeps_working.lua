-- args: --profile host
-- net.md §10.1: a connecting/connected socket the script dropped stays alive
-- (anchored) through full collections, and so does an accepted one.
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, d)
    collectgarbage()
    s:send("echo:" .. d)
  end)
end)
local weak = setmetatable({}, { __mode = "v" })
do
  local sk = net.createConnection()
  weak[1] = sk
  sk:on("connection", function(s)
    collectgarbage()
    collectgarbage()
    s:send("ping")
  end)
  sk:on("receive", function(s, d)
    print(d)
    s:close()
    srv:close()
  end)
  sk:connect((srv:getaddr()), "127.0.0.1")
end
collectgarbage()
collectgarbage()
assert(weak[1] ~= nil, "a connecting socket was collected")
