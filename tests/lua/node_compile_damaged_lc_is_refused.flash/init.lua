-- The test of node_compile_damaged_lc_is_refused.lua (runtime.md §3.3).
local want = "item 1,item 4,item 9,item 16,item 25,item 36,item 49,item 64,item 81,item 100;5050;7.0"
node.compile("mod.lua")
local good = file.getcontents("mod.lc")
assert(dofile("mod.lc") == want, "the undamaged chunk runs")

local function refused(bytes, what)
  file.putcontents("bad.lc", bytes)
  local ok, err = pcall(dofile, "bad.lc")
  assert(not ok, what .. ": a damaged chunk ran")
  -- Lua 5.3's own message for a chunk whose check data does not match.
  assert(err == "bad.lc: corrupted precompiled chunk", what .. ": " .. tostring(err))
  local f, msg = loadfile("bad.lc")
  assert(f == nil and msg == err, what .. ": loadfile gives nil and the same message")
end

local function damage(bytes, at, n)
  local out = bytes
  for i = at, math.min(at + n - 1, #out) do
    out = out:sub(1, i - 1) .. string.char(out:byte(i) ~ 0x5A) .. out:sub(i + 1)
  end
  return out
end

-- The Lua 5.3 header is 33 bytes; damage after it, through the chunk's last
-- byte (the integrity trailer included), one to four bytes at a time.
local header = 33
local at = {header + 1, header + 2, header + 8, #good // 2, #good - 12, #good - 8, #good - 4,
            #good - 1, #good}
for _, o in ipairs(at) do
  for n = 1, 4 do refused(damage(good, o, n), ("%d bytes at %d"):format(n, o)) end
end
-- Anywhere after the header, at random (a fixed seed: the same run each time).
math.randomseed(11)
for i = 1, 200 do
  local bytes = good
  for _ = 1, math.random(1, 4) do
    bytes = damage(bytes, math.random(header + 1, #good), 1)
  end
  refused(bytes, "random damage " .. i)
end
refused(good:sub(1, -2), "last byte cut")
refused(good:sub(1, #good // 2), "half cut")
refused(good .. "x", "a byte added")

-- require skips a damaged NAME.lc and loads NAME.lua, as it skips a foreign one.
file.putcontents("mod.lc", damage(good, #good // 2, 2))
assert(require("mod") == want, "require falls back to mod.lua")
print("refused")
