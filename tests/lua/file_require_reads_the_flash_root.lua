-- args: --scratch
-- runtime.md §3.3: require finds NAME.lua through the flash root, dots
-- separating directories; errors read "name.lua:N: ...".
local check = require "lib.check"
file.putcontents("pkg/thing.lua", "return { answer = 42 }\n")
check.eq(require("pkg.thing").answer, 42, "require pkg.thing")
file.putcontents("broken.lua", "local t = {}\nreturn t.x.y\n")
local ok, err = pcall(require, "broken")
check.eq(ok, false, "raises")
check.eq(err:find("broken.lua:2:", 1, true) ~= nil, true, "error names broken.lua:2: " .. err)
ok, err = pcall(require, "absent_module")
check.eq(err:find("no file 'absent_module.lua'", 1, true) ~= nil, true, err)
