-- runtime.md §4.10: p:reader(...) returns an iterator over p:read(...).
local check = require "lib.check"
local p = pipe.create()
p:write("a\nbb\nccc")
local got = {}
for rec in p:reader("\n") do got[#got + 1] = rec end
check.eq(table.concat(got, "|"), "a|bb|ccc", "records")
p:write("abcdefg")
got = {}
for rec in p:reader(3) do got[#got + 1] = rec end
check.eq(table.concat(got, "|"), "abc|def|g", "fixed size")
local read = p:reader()
p:write("x\ny\n")
check.eq(read(), "x\n", "default keeps the newline")
check.eq(read(), "y\n", "second")
check.eq(read(), nil, "end")
