-- The test of node_compile_reports_load_and_write_errors.lua (runtime.md §4.2.1).
local function raises(msg, f)
  local ok, err = pcall(f)
  assert(not ok, "expected an error: " .. msg)
  err = tostring(err):gsub("^[^:\n]+:%d+: ", "", 1)
  if err ~= msg then error(("expected %q, got %q"):format(msg, err), 2) end
end
-- The load error, behind compile's own position.
raises("broken.lua:1: unexpected symbol near '='", function() node.compile("broken.lua") end)
raises("cannot open missing.lua: ", function() node.compile("missing.lua") end)
raises("cannot open/write to file", function() node.compile("locked.lua") end)
print("checked")
