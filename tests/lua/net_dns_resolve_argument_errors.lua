-- args: --dns-server 127.0.0.1:9
-- net.md §7.1: host must be a string (numbers count), callback a function;
-- an empty name or one of 256+ characters raises "illegal argument". The
-- checks come in that order.
local check = require "lib.check"
local function cb() end
check.raises("bad argument #1 to 'resolve' (string expected, got no value)", function()
  net.dns.resolve()
end)
check.raises("bad argument #1 to 'resolve' (string expected, got table)", function()
  net.dns.resolve({}, cb)
end)
check.raises("bad argument #1 to 'resolve' (string expected, got nil)", function()
  net.dns.resolve(nil, cb)
end)
check.raises("bad argument #2 to 'resolve' (function expected, got no value)", function()
  net.dns.resolve("example.com")
end)
check.raises("bad argument #2 to 'resolve' (function expected, got nil)", function()
  net.dns.resolve("example.com", nil)
end)
check.raises("bad argument #2 to 'resolve' (function expected, got string)", function()
  net.dns.resolve("example.com", "cb")
end)
check.raises("bad argument #2 to 'resolve' (function expected, got no value)", function()
  net.dns.resolve("")
end)
check.raises("illegal argument", function() net.dns.resolve("", cb) end)
check.raises("illegal argument", function() net.dns.resolve(("a"):rep(256), cb) end)
check.raises("illegal argument", function() net.dns.resolve(("a"):rep(300), cb) end)
-- The device reads a C string: a name starting with a NUL is empty.
check.raises("illegal argument", function() net.dns.resolve("\0abc", cb) end)
-- 255 characters is still a name: no error, the answer comes later.
check.eq(net.dns.resolve(("a"):rep(255), cb), nil, "resolve returns nothing")
print("ok")
