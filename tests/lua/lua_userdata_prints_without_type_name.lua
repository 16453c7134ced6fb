-- runtime.md §3.2: userdata print as "userdata: 0x...", no __name, as on the device.
local t = tmr.create()
local s = tostring(t)
assert(s:match("^userdata: 0x%x+$"), s)
print(s:match("^userdata: ") ~= nil)
