-- runtime.md §4.10: a reader returning true reposts (while data is left),
-- false stops, nil reposts only if the pipe was written meanwhile.
local check = require "lib.check"
local log = {}
local function drain(mode)
  local p
  p = pipe.create(function(pipe)
    local rec = pipe:read(1)
    log[#log + 1] = mode .. ":" .. tostring(rec)
    if mode == "true" then return true end
    if mode == "false" then return false end
    if mode == "nil" and rec == "a" then pipe:write("z") end
  end)
  p:write("abc")
  return p
end
local keep = {drain("true"), drain("false"), drain("nil")}
-- LOW runs only once no MEDIUM reader task is left (§2.3).
node.task.post(node.task.LOW_PRIORITY, function()
  local by = {}
  for _, e in ipairs(log) do
    local mode, rec = e:match("^(%a+):(.*)$")
    by[mode] = (by[mode] and by[mode] .. "," or "") .. rec
  end
  check.eq(by["true"], "a,b,c", "true reposts until the pipe is empty")
  check.eq(by["false"], "a", "false stops")
  check.eq(by["nil"], "a,b", "nil reposts once after a write during the reader")
  check.eq(keep[2]:read(), "bc", "data left behind after false")
end)
