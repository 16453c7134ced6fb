-- net.md §4.6, §10.1: a socket with a pending lookup stays alive with no
-- reference, and the answer arrives later from the loop ("localhost" comes
-- from /etc/hosts, net.md §7.3), once.
local check = require "lib.check"
-- Without the anchor the run would simply end; check's guard turns that
-- into a failure.
local answered = false
do
  local u = net.createUDPSocket()
  u:dns("localhost", check.calls("dns", 1, function(s, ip)
    check.eq(ip, "127.0.0.1", "answer")
    check.eq(s:getaddr(), nil, "socket argument usable")
    answered = true
    check.done()
  end))
  check.eq(answered, false, "a name answers asynchronously")
end
collectgarbage()
collectgarbage()
