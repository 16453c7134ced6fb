-- runtime.md §4.14: _HOST.args, profile, strict and version for a default run.
local check = require "lib.check"
check.eq(type(_HOST), "table", "_HOST")
check.eq(type(_HOST.args), "table", "args")
check.eq(#_HOST.args, 0, "no ARGs")
check.eq(_HOST.profile, "esp8266", "default profile")
check.eq(_HOST.strict, false, "strict")
check.eq(type(_HOST.version), "string", "version")
assert(_HOST.version:match("^%d+%.%d+%.%d+"), "version " .. _HOST.version)
