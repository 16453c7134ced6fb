-- runtime.md §4.10: a pipe's reader runs as a task after a write. A script
-- may call the pipe's __gc itself (the metatable is reachable); the pipe is
-- then gone: a reader task already queued does not run, and a reader that
-- frees its own pipe, even after writing to it, returns normally.
local gc = getmetatable(pipe.create()).__gc

local ran = false
local p = pipe.create(function() ran = true return false end)
p:write("queued")
gc(p)
p = nil
collectgarbage()

local inside = 0
local q = pipe.create(function(self)
  inside = inside + 1
  self:write("more")   -- queues the reader again
  gc(self)
  gc(self)             -- a second call finds nothing to free
  return true
end)
q:write("x")
q = nil

tmr.create():alarm(20, tmr.ALARM_SINGLE, function()
  collectgarbage()
  assert(not ran, "the reader of a freed pipe ran")
  assert(inside == 1, "the self-freeing reader ran " .. inside .. " times")
end)
