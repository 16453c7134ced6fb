-- args: --profile esp8266
-- net.md §4.5, §13: in esp8266 a read is at most TCP_WND = 5840 bytes, so
-- that much at most arrives after hold(); unhold() resumes.
local check = require "lib.check"
local total = 200 * 1024
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  local left = total
  local function more(s)
    if left == 0 then s:close() return end
    local n = math.min(2920, left)
    left = left - n
    s:send(string.rep("z", n))
  end
  c:on("connection", more)
  c:on("sent", more)
end)
local sk = net.createConnection()
local got, at_hold, held = 0, 0, false
sk:on("receive", function(s, d)
  assert(#d <= 1460, "chunk of " .. #d)
  got = got + #d
  if not held then
    held = true
    at_hold = got
    s:hold()
    tmr.create():alarm(500, tmr.ALARM_SINGLE, function()
      local after = got - at_hold
      assert(after <= 5840, "bytes delivered while held: " .. after)
      print("held")
      s:unhold()
    end)
  end
end)
sk:on("disconnection", function(_, code)
  check.eq(code, 0, "code")
  check.eq(got, total, "bytes")
  srv:close()
  print("ok")
end)
sk:connect((srv:getaddr()), "127.0.0.1")
