local t = {}
for i = 1, 10 do t[i] = ("item %d"):format(i * i) end
local function sum(n)
  local s = 0
  for i = 1, n do s = s + i end
  return s
end
return table.concat(t, ",") .. ";" .. sum(100) .. ";" .. tostring(3.5 * 2)
