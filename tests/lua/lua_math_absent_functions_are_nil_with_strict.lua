-- runtime.md §3.2, §5.4: with --strict the math functions the 5.3 firmware
-- lacks are nil, so the script fails as on the device.
-- args: --strict
-- no-stderr: W-ABSENT
local check = require "lib.check"
for _, name in ipairs({"pow", "log10", "atan2", "cosh", "sinh", "tanh", "frexp", "ldexp"}) do
  check.eq(math[name], nil, "math." .. name)
end
check.eq(type(math.sqrt), "function", "math.sqrt stays")
