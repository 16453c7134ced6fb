-- Assertions shared by the behaviour tests (require "lib.check").
local M = {}

local function strip_where(msg)
  return (tostring(msg):gsub("^[^:\n]+:%d+: ", "", 1))
end

-- f(...) must raise exactly msg once the "chunk:line: " prefix is removed.
-- Call methods inside a closure (function() t:start(1) end) so Lua names
-- the method as the device's message does.
function M.raises(msg, f, ...)
  local ok, err = pcall(f, ...)
  if ok then error(("expected the error %q, got none"):format(msg), 2) end
  if strip_where(err) ~= msg then
    error(("expected the error %q, got %q"):format(msg, tostring(err)), 2)
  end
end

-- f(...) must raise an error whose text contains pattern (plain find).
function M.raises_like(pattern, f, ...)
  local ok, err = pcall(f, ...)
  if ok then error(("expected an error like %q, got none"):format(pattern), 2) end
  if not tostring(err):find(pattern, 1, true) then
    error(("expected an error like %q, got %q"):format(pattern, tostring(err)), 2)
  end
end

function M.eq(got, want, what)
  if got ~= want then
    error(("%s: expected %s, got %s"):format(what or "value", tostring(want), tostring(got)), 2)
  end
end

return M
