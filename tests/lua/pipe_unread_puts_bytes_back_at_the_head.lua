-- runtime.md §4.10: p:unread(s) puts s back before what is left.
local check = require "lib.check"
local p = pipe.create()
p:write("hello world\nrest\n")
local line = p:read()
p:unread(line)
check.eq(p:read(), "hello world\n", "read after unread")
p:unread("abc")
check.eq(p:read(2), "ab", "head of the unread bytes")
check.eq(p:read(), "crest\n", "then the rest")
-- Longer than a record: spans several records and still reads back whole.
local big = ("0123456789"):rep(60)
p:unread(big)
check.eq(p:nrec(), 3, "600 bytes unread into an empty pipe")
check.eq(p:read(600), big, "read back")
p:unread("")
check.eq(p:read(), nil, "an empty unread adds nothing")
