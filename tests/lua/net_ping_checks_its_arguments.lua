-- net.md §15: the firmware's checks (net_ping.c): a host string, a received
-- callback, an optional sent callback; the count may be left out.
local check = require "lib.check"
check.raises_like("bad argument #1 to 'ping' (string expected", function() net.ping(nil, print) end)
check.raises("bad argument #-2 to 'ping' (no received callback specified)",
             function() net.ping("127.0.0.1") end)
check.raises("bad argument #-2 to 'ping' (no received callback specified)",
             function() net.ping("127.0.0.1", 2) end)
check.raises("bad argument #-1 to 'ping' (invalid sent callback, function expected)",
             function() net.ping("127.0.0.1", 1, print, 5) end)
check.raises("bad argument #-1 to 'ping' (invalid sent callback, function expected)",
             function() net.ping("127.0.0.1", print, 5) end)
check.raises("lwip error -12", function() net.ping("", print) end)
