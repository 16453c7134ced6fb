-- runtime.md §4.14: _HOST.getenv(name) is the host's getenv: a string or nil.
local check = require "lib.check"
check.eq(type(_HOST.getenv("PATH")), "string", "PATH")
check.eq(_HOST.getenv("NODEMCU_HOST_TEST_SURELY_UNSET_VARIABLE"), nil, "unset variable")
check.raises("bad argument #1 to 'getenv' (string expected, got no value)",
             function() _HOST.getenv() end)
