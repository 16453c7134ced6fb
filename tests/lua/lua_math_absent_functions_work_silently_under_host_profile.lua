-- runtime.md §3.2, §5.1: the host profile has every function and no W-ABSENT.
-- args: --profile host
-- no-stderr: W-ABSENT
local check = require "lib.check"
check.eq(math.pow(2, 8), 256.0, "pow")
check.eq(math.log10(1000), 3.0, "log10")
check.eq(math.atan2(0, 1), 0.0, "atan2")
check.eq(math.cosh(0), 1.0, "cosh")
check.eq(math.sinh(0), 0.0, "sinh")
check.eq(math.tanh(0), 0.0, "tanh")
local m, e = math.frexp(8)
check.eq(m, 0.5, "frexp mantissa")
check.eq(e, 4, "frexp exponent")
check.eq(math.ldexp(0.5, 4), 8.0, "ldexp")
