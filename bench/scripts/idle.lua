-- Accepts connections and keeps them open doing nothing, with the longest
-- inactivity timeout the firmware allows (28800 s), so a held connection costs
-- only what the runtime needs per socket plus one small closure.
local open = 0
local srv = net.createServer(net.TCP, 28800)
srv:listen(80, "127.0.0.1", function(conn)
  open = open + 1
  conn:on("receive", function(sck, data) end)
  conn:on("disconnection", function() open = open - 1 end)
end)
