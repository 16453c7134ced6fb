-- args: --scratch
-- stderr: W-NAME: flash name "\.\./x" has an empty, '\.' or '\.\.' component
-- stderr: W-NAME: flash name "/etc/passwd" is absolute
-- stderr: W-NAME: flash name "a/\.\./\.\./x" has an empty
-- runtime.md §4.3: names with an empty, '.' or '..' component, or absolute ones
-- other than /FLASH/, act as missing with W-NAME: nothing is read or written
-- outside the root.
local check = require "lib.check"
check.eq(file.open("../x", "w"), nil, "../x")
check.eq(file.open("/etc/passwd"), nil, "/etc/passwd")
check.eq(file.exists("/etc/passwd"), false, "exists /etc/passwd")
check.eq(select("#", file.getcontents("/etc/passwd")), 0, "getcontents /etc/passwd")
check.eq(file.putcontents("a/../../x", "x"), nil, "a/../../x")
for _, name in ipairs({"./x", "a//b", "dir/", "", "/FLASH/../x", "x/."}) do
  check.eq(file.open(name, "w"), nil, name)
  check.eq(file.exists(name), false, name)
  check.eq(file.stat(name), nil, name)
end
file.putcontents("real", "r")
check.eq(file.rename("real", "../escaped"), false, "rename out of the root")
check.eq(file.exists("real"), true, "still there")
check.eq(file.rename("../real", "x"), false, "rename from outside")
file.remove("../real")
check.raises("cannot open ../file_hostile_names_act_as_missing.lua: ",
  function() dofile("../file_hostile_names_act_as_missing.lua") end)
