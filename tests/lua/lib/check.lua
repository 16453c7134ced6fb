-- Assertions shared by the behaviour tests (require "lib.check").
--
-- A test's verdict is its exit status (runtime.md §6.1), so a callback that
-- never runs, or runs twice, passes unless something counts it. For that:
--
--   local check = require "lib.check"
--   local on_sent = check.calls("sent#1", 1, function(s) ... end)
--   sk:send("x", on_sent)
--   ...
--   check.done()   -- where the test's work is over (e.g. its last event)
--
-- check.calls(name, n[, f]) returns a function that counts its calls and
-- then calls f (if given) with the same arguments. It fails at once on the
-- (n+1)-th call, and on any call after check.done(). check.done() fails
-- unless every counted function ran exactly its n times; the message names
-- each one that differs, e.g. `check: "sent#1" ran 0 times, expected 1`.
-- check.count(name) tells how many times it has run so far.
--
-- The end of the run is not visible from Lua (the runtime just stops when no
-- work is left, runtime.md §2.2), so the first check.calls arms a guard: a
-- single tmr alarm, which is work and keeps the run alive. check.done()
-- unregisters it; if the test never gets there, the guard fires after
-- GUARD_MS and fails, naming the counts that differ. A count never checked
-- cannot pass.
--
-- Failures of calls/done/the guard raise an error and post a task that calls
-- _HOST.exit(1), so a script's node.setonerror handler cannot turn them into
-- a pass. Do not use them in tests of when the run ends (no work, §2.2): the
-- guard is work until check.done().
local M = {}

local GUARD_MS = 20000 -- below the runner's --timeout 30, for a clear message

local expectations, guard, finished = {}, nil, false

local function strip_where(msg)
  return (tostring(msg):gsub("^[^:\n]+:%d+: ", "", 1))
end

-- The error is reported as any other (runtime.md §2.4: a HIGH task); the LOW
-- task after it ends the run with status 1 even if a node.setonerror handler
-- swallowed the report. (_HOST.exit before the report would halt the boot
-- and lose it.)
local function fail(msg, level)
  pcall(function() node.task.post(node.task.LOW_PRIORITY, function() _HOST.exit(1) end) end)
  error(msg, level and level + 1 or 0)
end

local function describe(e)
  return ("%q ran %d times, expected %d"):format(e.name, e.got, e.want)
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

-- See the top of the file.
function M.calls(name, n, f)
  if finished then fail(("check: calls(%q) after check.done()"):format(name), 2) end
  for _, e in ipairs(expectations) do
    if e.name == name then fail(("check: %q is counted twice"):format(name), 2) end
  end
  local e = { name = name, want = n, got = 0 }
  expectations[#expectations + 1] = e
  if not guard then
    guard = tmr.create()
    guard:alarm(GUARD_MS, tmr.ALARM_SINGLE, function()
      local bad = {}
      for _, x in ipairs(expectations) do
        if x.got ~= x.want then bad[#bad + 1] = describe(x) end
      end
      if #bad == 0 then bad[1] = "every count matched so far" end
      fail(("check: the run never reached check.done() in %d ms; %s")
        :format(GUARD_MS, table.concat(bad, "; ")))
    end)
  end
  return function(...)
    e.got = e.got + 1
    if finished then fail(("check: %q ran after check.done()"):format(name)) end
    if e.got > n then fail("check: " .. describe(e)) end
    if f then return f(...) end
  end
end

-- How many times the function counted as name has run so far.
function M.count(name)
  for _, e in ipairs(expectations) do
    if e.name == name then return e.got end
  end
  fail(("check: %q is not counted"):format(name), 2)
end

-- See the top of the file.
function M.done()
  if finished then fail("check: check.done() called twice", 2) end
  finished = true
  if guard then guard:unregister() end
  local bad = {}
  for _, e in ipairs(expectations) do
    if e.got ~= e.want then bad[#bad + 1] = describe(e) end
  end
  if #bad > 0 then fail("check: " .. table.concat(bad, "; "), 2) end
end

return M
