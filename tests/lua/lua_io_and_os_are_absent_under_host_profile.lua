-- runtime.md §3.2: io and os are absent in every profile; tests use _HOST.
-- args: --profile host
local check = require "lib.check"
check.eq(io, nil, "io")
check.eq(os, nil, "os")
