-- net.md §15: one received report per probe, answered (32 bytes, ip, seqno,
-- time) or, where the OS allows no unprivileged ICMP socket, unanswered
-- (bytes 0, other values nil); then sent(ip, count, timeouts, bytes, time).
local check = require "lib.check"
local reports, answered = 0, 0
net.ping("127.0.0.1", 2, check.calls("received", 2, function(bytes, ip, seq, ms)
  reports = reports + 1
  if bytes == 0 then
    check.eq(ip, nil, "unanswered ip")
    check.eq(seq, nil, "unanswered seqno")
  else
    answered = answered + 1
    check.eq(bytes, 32, "bytes")
    check.eq(ip, "127.0.0.1", "ip")
    check.eq(seq, reports, "seqno")
    check.eq(ms >= 0, true, "time")
  end
end), check.calls("summary", 1, function(ip, total, timeouts, bytes, ms)
  check.eq(reports, 2, "every probe reported before the summary")
  check.eq(ip, "127.0.0.1", "summary ip")
  check.eq(total, 2, "total count")
  check.eq(timeouts, 2 - answered, "timeouts")
  check.eq(bytes, 32 * answered, "total bytes")
  check.eq(ms >= 0, true, "total time")
  check.done()
end))
