-- A small test runner with the interface of the firmware's NTest, written for
-- nodemcu-host's own tests of --ntest (runtime.md §6.2); the firmware's
-- NTest.lua is not part of this repository.
--
--   local N = require "NTest" ("run name")
--   N.test(name, function() ... end)
--   N.testasync(name, function(next) ... next() end)
--   N.testco(name, function(getCB, waitCB) ... end)
--   N.outputhandler = function(event, test, msg, errormsg) ... end
--   N.env = table whose fields test bodies see as globals (default _G)
--
-- Inside a test body: ok(cond[, msg]), nok(cond[, msg]), eq(a, b) (deep
-- equality, a boolean for ok), fail(f[, expected[, msg]]) (f must raise,
-- with `expected` in its message). Events reach the outputhandler as
-- ("start", run), ("pass", test), ("fail", test, msg, errormsg),
-- ("except", test, msg), ("finish", run). Tests run one after another, each
-- in its own LOW task, so timers and sockets get their turn between them.

local Failure = {}

local function failure(msg, errormsg)
  error(setmetatable({ msg = msg or "", errormsg = errormsg }, Failure), 0)
end

-- Where the assertion was written: level 3 is the caller of ok/nok/fail.
local function caller()
  local info = debug.getinfo(3, "Sl")
  return info and (info.short_src .. ":" .. info.currentline) or "?"
end

local function ok(cond, msg)
  if not cond then failure(msg, "assertion failed at " .. caller()) end
end

local function nok(cond, msg)
  if cond then failure(msg, "assertion (nok) failed at " .. caller()) end
end

local function eq(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  for k, v in pairs(a) do
    if not eq(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

local function fail(f, expected, msg)
  local where = caller()
  local raised, err = pcall(f)
  if raised then
    failure(msg, "no error raised" .. (expected and (" (expected \"" .. expected .. "\")") or "")
      .. " at " .. where)
  end
  err = tostring(err)
  if expected and not err:find(expected, 1, true) then
    failure(msg, "error \"" .. err .. "\" lacks \"" .. expected .. "\" at " .. where)
  end
end

-- Runs f with `env` as its globals, without touching the _ENV its defining
-- chunk shares with other functions.
local function with_env(f, env)
  if setfenv then return setfenv(f, env) end
  for i = 1, math.huge do
    local name = debug.getupvalue(f, i)
    if name == nil then break end
    if name == "_ENV" then
      debug.upvaluejoin(f, i, function() return env end, 1)
      break
    end
  end
  return f
end

local function print_event(event, test, msg, errormsg)
  local line = event .. " " .. tostring(test)
  if msg ~= nil and msg ~= "" then line = line .. ": " .. tostring(msg) end
  if errormsg ~= nil and errormsg ~= "" then line = line .. " (" .. tostring(errormsg) .. ")" end
  print(line)
end

return function(runname)
  assert(type(runname) == "string", "NTest: the run needs a name")
  local handler, env = print_event, _G
  local queue, started, running = {}, false, false
  local runnext

  local function schedule()
    node.task.post(node.task.LOW_PRIORITY, function() runnext() end)
  end

  -- The first outcome of a test counts; later ones (a second next(), an
  -- error after next()) are ignored.
  local function outcome(test)
    local decided = false
    return function(passed, err)
      if decided then return end
      decided = true
      node.setonerror()
      if passed then
        handler("pass", test.name)
      elseif getmetatable(err) == Failure then
        handler("fail", test.name, err.msg, err.errormsg)
      else
        handler("except", test.name, tostring(err))
      end
      schedule()
    end
  end

  function runnext()
    local test = table.remove(queue, 1)
    if test == nil then
      running = false
      handler("finish", runname)
      return
    end
    local done = outcome(test)
    local body = with_env(test.f, setmetatable({ ok = ok, nok = nok, eq = eq, fail = fail },
      { __index = env }))
    if test.kind == "sync" then
      done(pcall(body))
      return
    end
    -- Errors in the test's callbacks reach node.setonerror (§2.4.1).
    node.setonerror(function(err) done(false, err) end)
    if test.kind == "async" then
      local called, err = pcall(body, function() done(true) end)
      if not called then done(false, err) end
    else
      local co = coroutine.create(body)
      local function step(...)
        local resumed, err = coroutine.resume(co, ...)
        if not resumed then
          done(false, err)
        elseif coroutine.status(co) == "dead" then
          done(true)
        end
      end
      local function getCB(name)
        return function(...) step(name, ...) end
      end
      step(getCB, coroutine.yield)
    end
  end

  local function add(kind, name, f)
    assert(type(name) == "string" and type(f) == "function", "NTest: test(name, function)")
    queue[#queue + 1] = { kind = kind, name = name, f = f }
    if not started then
      started = true
      handler("start", runname)
    end
    if not running then
      running = true
      schedule()
    end
  end

  local run = {
    test = function(name, f) add("sync", name, f) end,
    testasync = function(name, f) add("async", name, f) end,
    testco = function(name, f) add("co", name, f) end,
  }
  return setmetatable(run, {
    __index = function(_, key)
      if key == "outputhandler" then return handler end
      if key == "env" then return env end
    end,
    __newindex = function(_, key, value)
      if key == "outputhandler" then
        handler = value
      elseif key == "env" then
        env = value
      else
        rawset(run, key, value)
      end
    end,
  })
end
