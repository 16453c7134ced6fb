-- args: --scratch
-- design.md object lifetime: Lua 5.3 frees a userdata without running its
-- __gc when the finalizer call itself fails (here at the C-stack limit, ~190
-- protected calls deep). The C++ object must keep no pointer into that
-- memory: at exit, its teardown once wrote through one (heap use-after-free
-- in Timer::detach and NetObject::release_lua under the sanitizer build).
local made = 0
local function down(n)
  if n > 0 then return pcall(down, n - 1) end
  for _ = 1, 8 do
    local t, u, f = tmr.create(), net.createUDPSocket(), file.open("gc.txt", "w")
    made = made + 1
  end
  local junk = {}
  for i = 1, 2000 do junk[i] = { i, tostring(i) } end
end
-- The deepest rounds stop at the C-stack limit before they make anything.
for depth = 180, 200 do down(depth) end
collectgarbage()
assert(made >= 8 * 8, "objects made: " .. made)
-- A timer still works after all this, and the run ends cleanly.
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() print("done") end)
