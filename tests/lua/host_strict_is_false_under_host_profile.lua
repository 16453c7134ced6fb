-- runtime.md §1.2: --strict is ignored under --profile host (note N-STRICT),
-- so _HOST.strict tells the script it is not in effect.
-- args: --profile host --strict
-- stderr: N-STRICT
local check = require "lib.check"
check.eq(_HOST.profile, "host", "profile")
check.eq(_HOST.strict, false, "strict")
