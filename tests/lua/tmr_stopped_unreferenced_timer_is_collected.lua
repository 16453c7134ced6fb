-- runtime.md §4.1: a stopped, a fired SINGLE or SEMI, or an unregistered
-- timer holds no anchor: once unreferenced it is collected, which
-- unregisters it.
local check = require "lib.check"
local weak = setmetatable({}, { __mode = "k" })
local fired = false
local function make(mode, arm)
  local t = tmr.create()
  t:register(20, mode, function() fired = true end)
  if arm then t:start() end
  weak[t] = mode
  return t
end
do
  local stopped = make(tmr.ALARM_AUTO, true)
  stopped:stop()
  make(tmr.ALARM_SINGLE, false)  -- registered, never started
  local u = make(tmr.ALARM_SEMI, false)
  u:unregister()
end
make(tmr.ALARM_SINGLE, true)  -- fires, then is unregistered
make(tmr.ALARM_SEMI, true)    -- fires, then idles
tmr.create():alarm(150, tmr.ALARM_SINGLE, function()
  check.eq(fired, true, "the armed ones fired")
  collectgarbage()
  collectgarbage()
  local left = {}
  for t, mode in pairs(weak) do left[#left + 1] = tostring(mode) end
  check.eq(#left, 0, "timers left uncollected (modes " .. table.concat(left, ",") .. ")")
end)
