-- runtime.md §3.3: load and loadstring take text unless the script asks for
-- binary chunks with mode "b" (or "bt"); a binary chunk must then be one the
-- runtime wrote (string.dump, node.compile) and undamaged.
local function f(a, b) return a * 10 + b end
local bin = string.dump(f)
assert(bin == string.dump(f), "string.dump is deterministic (NTest compares functions by it)")

local g, err = load(bin)
assert(g == nil and err == "attempt to load a binary chunk (mode is 't')", tostring(err))
g, err = loadstring(bin)
assert(g == nil and err == "attempt to load a binary chunk (mode is 't')", tostring(err))

g = assert(load(bin, "=dumped", "b"))
assert(g(4, 2) == 42, "the dumped function runs")
g = assert(load(bin, nil, "bt"))
assert(g(1, 2) == 12, "mode bt takes it too")
g = assert(load(string.dump(f, true), nil, "b"))
assert(g(3, 3) == 33, "a stripped dump runs")

-- A reader function gives the chunk in pieces.
local pieces, i = {bin:sub(1, 10), bin:sub(11, 30), bin:sub(31)}, 0
g = assert(load(function() i = i + 1; return pieces[i] end, "=pieces", "b"))
assert(g(0, 7) == 7, "a binary chunk read in pieces runs")

local bad = bin:sub(1, 40) .. string.char(bin:byte(41) ~ 1) .. bin:sub(42)
g, err = load(bad, "=dumped", "b")
assert(g == nil and err == "dumped: corrupted precompiled chunk", tostring(err))
g, err = load(bad, nil, "b")
assert(g == nil and err == "binary string: corrupted precompiled chunk", tostring(err))

-- Text loads as always, with an environment too.
g = assert(load("return x", "=text", "t", {x = 5}))
assert(g() == 5, "env of a text chunk")
g, err = load("return 1", "=text", "b")
assert(g == nil and err == "attempt to load a text chunk (mode is 'b')", tostring(err))
assert(load("return 2")() == 2, "text by default")
print("ok")
