-- args: --profile host
-- net.md §4.5: after hold() at most one more read (64 KiB in host) is
-- delivered; unhold() resumes and every byte arrives in order.
local check = require "lib.check"
local total = 2 * 1024 * 1024
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("connection", function(s)
    s:send(string.rep("0123456789abcdef", total // 16))
  end)
  c:on("sent", function(s) s:close() end)
end)
local sk = net.createConnection()
local got, at_hold, held = 0, 0, false
local last = ""
sk:on("receive", function(s, d)
  -- Byte order: the stream is a repetition of 16 known bytes.
  local phase = got % 16
  check.eq(d:sub(1, 1), ("0123456789abcdef"):sub(phase + 1, phase + 1), "byte order")
  got = got + #d
  if not held and got >= 100000 then
    held = true
    at_hold = got
    s:hold()
    s:hold()  -- idempotent
    tmr.create():alarm(500, tmr.ALARM_SINGLE, function()
      local after = got - at_hold
      assert(after <= 65536, "bytes delivered while held: " .. after)
      print("held")
      s:unhold()
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
