-- Known defect (heap use-after-free, ASan build): unarmed timers and UDP
-- sockets made garbage ~190 pcalls deep; their __gc then runs at the C-stack
-- limit, fails, and the object is later written after free (Timer::detach,
-- NetObject::release_lua). The fuzzer's deep_gc=1 action does this at random.
-- Run: build-asan/nodemcu-host tests/luafuzz/known/userdata_gc_fails_at_c_stack_limit.lua
local function down(n)
  if n > 0 then return pcall(down, n - 1) end
  for _ = 1, 8 do
    local t, u = tmr.create(), net.createUDPSocket()
  end
  local junk = {}
  for i = 1, 2000 do junk[i] = { i, tostring(i) } end
end
for depth = 180, 200 do down(depth) end
