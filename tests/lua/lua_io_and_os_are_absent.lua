-- runtime.md §3.2: io and os are absent, as on the device.
local check = require "lib.check"
check.eq(io, nil, "io")
check.eq(os, nil, "os")
check.eq(package.loaded.io, nil, "package.loaded.io")
check.eq(package.loaded.os, nil, "package.loaded.os")
