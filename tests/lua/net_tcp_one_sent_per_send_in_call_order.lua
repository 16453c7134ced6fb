-- args: --profile host
-- net.md §4.3: "sent" fires exactly once per send(), in call order, never
-- inside send() and never before "connection". The "sent" callback stays
-- until replaced (§4.3 step 2), so the k-th event runs whichever callback is
-- in place then: each sent#k installs sent#k+1, and each must run once, in
-- turn. A seventh event (a send reported twice) runs "sent#7", which must
-- never run; a missing one leaves sent#6 at 0, caught by check.done().
local check = require "lib.check"
local srv = net.createServer()
local received = 0
local sizes = { 1, 300000, 7, 2000000, 5, 65536 }
local expected = 0
for _, n in ipairs(sizes) do expected = expected + n end
-- The server, not the client, ends the connection once every byte arrived:
-- the client's "sent" events all come before that end, so a surplus one
-- still reaches its callback.
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, d)
    received = received + #d
    if received == expected then s:close(); srv:close() end
  end)
end)
local sk = net.createConnection()
local connected, in_send = false, false
local sent = {}
for k = 1, #sizes do
  sent[k] = check.calls("sent#" .. k, 1, function(s)
    assert(connected, "sent before connection")
    assert(not in_send, "sent inside send()")
    s:on("sent", sent[k + 1])
  end)
end
sent[#sizes + 1] = check.calls("sent#" .. (#sizes + 1), 0)
sk:on("disconnection", function(_, code)
  check.eq(code, 0, "disconnection code")
  check.eq(received, expected, "bytes")
  check.done()
  print("ok")
end)
sk:connect((srv:getaddr()), "127.0.0.1")
-- Sends during the handshake are queued too; sent#1 comes with the first.
for i = 1, 3 do
  in_send = true
  sk:send(string.rep("x", sizes[i]), i == 1 and sent[1] or nil)
  in_send = false
end
sk:on("connection", function(s)
  connected = true
  for i = 4, 6 do
    in_send = true
    s:send(string.rep("y", sizes[i]))
    in_send = false
  end
end)
