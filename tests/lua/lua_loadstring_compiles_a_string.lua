-- runtime.md §3.2: the base library has loadstring (Debian's 5.3 lacks it).
local check = require "lib.check"
check.eq(loadstring("return 1 + 1")(), 2, "loadstring result")
local f, err = loadstring("x =")
check.eq(f, nil, "syntax error gives nil")
assert(err:find("unexpected symbol near <eof>", 1, true), err)
check.raises_like('[string "error(\'e\')"]:1: e', loadstring("error('e')"))
check.eq(loadstring("return ...")(7), 7, "the chunk gets varargs")
