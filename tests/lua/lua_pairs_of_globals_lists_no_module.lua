-- runtime.md §3.2: pairs(_G) does not list the built-in modules.
local listed = {}
for k in pairs(_G) do listed[k] = true end
for _, name in ipairs({"tmr", "bit", "node", "file", "uart", "pipe", "i2c", "mqtt", "ROM"}) do
  assert(not listed[name], "pairs(_G) lists " .. name)
end
assert(listed.print and listed.string and listed._HOST, "pairs(_G) lists the plain globals")
