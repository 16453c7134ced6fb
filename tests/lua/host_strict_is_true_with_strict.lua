-- runtime.md §4.14, §1.2: _HOST.strict reports --strict under a device profile.
-- args: --strict
local check = require "lib.check"
check.eq(_HOST.strict, true, "strict")
check.eq(_HOST.profile, "esp8266", "profile")
