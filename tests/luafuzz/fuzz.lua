-- NodeMCU Lua API fuzzer, run by nodemcu-host itself (tests/luafuzz/README.md).
--
-- Seeded random calls of every function of the emulated modules (found at run
-- time in ROM, runtime.md §3.2) and every method of the objects they make
-- (found in the objects' metatables), with random argument types and values,
-- each under pcall. Callbacks close and drop their own objects, collect
-- garbage and restart the runtime mid-callback (runtime.md §2.5), a bounded
-- number of times counted in a flash file. The run is bounded in calls and
-- time and ends by itself: status 0 unless the runtime crashed.
--
-- Arguments (_HOST.args, runtime.md §4.14), all optional, KEY=VALUE:
--   seed=N      seed (else $LUAFUZZ_SEED, else a random one); printed at start
--   seconds=S   time budget of the whole run, restarts included (default 10)
--   calls=N     call budget (default 1e9)
--   restarts=N  planned node.restart() calls (default 3)
--   deep_gc=1   also make garbage ~190 pcalls deep, whose __gc fails at the
--               C-stack limit (once a heap use-after-free in the runtime:
--               tests/lua/lifecycle_userdata_whose_gc_fails_is_not_written_after_free.lua).
--               Off by default: Lua 5.3 then also skips the __gc of
--               lauxlib's string-buffer boxes, whose buffers LeakSanitizer
--               rightly reports as leaked (Lua's, not the runtime's); run it
--               with ASAN_OPTIONS=detect_leaks=0
--   net_gc=0    leave out direct calls of net sockets' __gc, as a script may
--               make them (once a use-after-free when a DNS lookup was in
--               flight: tests/lua/net_*_gc_called_during_a_lookup_*.lua)
--   trace=1     write each call to stderr (uart 1) before making it
--
-- Safety: every address the fuzzer hands to the network is a loopback one or
-- not an address at all; ports are 0 or those of its own servers; DNS goes to
-- the server given by --dns-server (run with 127.0.0.1:1); file names stay in
-- the (--scratch) flash. node.dsleep, _HOST.exit, file.format and unplanned
-- node.restart are never called.

local STATE = "fz_state"
local unpack = table.unpack or unpack

-- Options ------------------------------------------------------------------

local opt = { seconds = 10, calls = 1e9, restarts = 3, deep_gc = 0, net_gc = 1, trace = 0 }
for _, a in ipairs(_HOST.args or {}) do
  local k, v = string.match(a, "^([%w_]+)=(.*)$")
  if k then opt[k] = tonumber(v) or v end
end
if opt.seed == nil then opt.seed = tonumber(_HOST.getenv("LUAFUZZ_SEED") or "") end

-- State kept across planned restarts: a flash file (runtime.md §2.5 keeps
-- flash files). A first boot starts afresh.
local st = { seed = opt.seed, restarts = 0, elapsed_us = 0, calls = 0, cbs = 0, errors = 0 }
local first_boot = node.bootreason() == 1
if first_boot then
  file.remove(STATE)
  if st.seed == nil then st.seed = node.random(1, 2147483646) end
else
  local text = file.getcontents(STATE)
  if text then
    for k, v in string.gmatch(text, "(%w+)=(%-?%d+)") do st[k] = tonumber(v) end
  end
end
local seed = math.floor(st.seed)
print(string.format("luafuzz: seed=%d boot=%d seconds=%s calls=%s restarts=%s deep_gc=%s net_gc=%s",
  seed, st.restarts, tostring(opt.seconds), tostring(opt.calls), tostring(opt.restarts),
  tostring(opt.deep_gc), tostring(opt.net_gc)))

-- Random numbers: Park-Miller, exact in doubles and in 5.3 integers, so a
-- seed replays the same choices on any build.
local rs = (seed * 7919 + st.restarts * 104729) % 2147483646 + 1
local function rand()
  rs = (rs * 48271) % 2147483647
  return (rs - 1) / 2147483646
end
local function rint(a, b) return a + math.floor(rand() * (b - a + 1)) end
local function pick(t) return t[rint(1, #t)] end
local function chance(p) return rand() < p end

local boot_us = tmr.now()
local function elapsed_us() return st.elapsed_us + ((tmr.now() - boot_us) % 2147483648) end
local ending = false
local function budget_left()
  return st.calls < opt.calls and elapsed_us() < opt.seconds * 1e6
end

local function trace(s)
  if opt.trace == 1 then uart.write(1, s .. "\n") end
end

-- Objects --------------------------------------------------------------------

-- Every object seen, weakly: what is still alive at the end is closed then.
local seen = setmetatable({}, { __mode = "k" })
-- Objects the fuzzer holds; slots are dropped at random ("drop every reference").
local live = {}
local LIVE_SLOTS = 24
local function keep(o)
  if o == nil then return end
  local ty = type(o)
  if ty ~= "userdata" and ty ~= "table" and ty ~= "thread" then return end
  seen[o] = true
  live[rint(1, LIVE_SLOTS)] = o
end
local function any_live()
  for _ = 1, 4 do
    local o = live[rint(1, LIVE_SLOTS)]
    if o ~= nil then return o end
  end
  return nil
end

local tcp_ports, udp_ports = {}, {}

-- Values ---------------------------------------------------------------------

local toint = math.tointeger or function(x) return x end
local numbers = {
  0, -1, 1, 2, 3, 7, 8, 31, 32, 33, 255, 256, 1023, 1024, 1460, 1472, 2920, 4096,
  65535, 65536, 65537, 2147483647, -2147483648, 2 ^ 31, -(2 ^ 31), 2 ^ 32, 2 ^ 32 + 1,
  toint(2 ^ 31), toint(2 ^ 32), toint(2 ^ 32 + 1), 2 ^ 53, -(2 ^ 53), toint(2 ^ 53),
  2 ^ 63, -(2 ^ 63), math.maxinteger or 2 ^ 53, math.mininteger or -(2 ^ 53),
  0.5, -0.5, 1.5, -0.0, 1e-300, 1e308, math.huge, -math.huge, 0 / 0, 6870947, 6870948,
  36e9, 13743895347, 4294967295, -4294967295,
}
local strings = {
  "", "a", "\0", "a\0b", "\n", "\r\n", "c+", "r", "w", "a", "r+", "w+", "a+", "x",
  "set", "cur", "end", "data", "receive", "sent", "connection", "disconnection",
  "reconnection", "dns", "rtc", "hw", "sw_version", "build_config", "lfs",
  "1", "-1", "0x10", "1e3", " 12 ", "65536", "nan", "127.0.0.1", "::1", "localhost",
  "%s%d%n", "fz_a", "fz_b", "dir/fz_c", "/FLASH/fz_d", "..", "a/../b", "/etc/passwd",
  "fz_a.lua", "fz_b.lc", "return 1", "print(1)", "=1", "@fz_a",
}
local function rand_bytes(n)
  local t = {}
  for i = 1, n do t[i] = string.char(rint(0, 255)) end
  return table.concat(t)
end
local function rand_string()
  local r = rand()
  if r < 0.55 then return pick(strings) end
  if r < 0.75 then return rand_bytes(rint(0, 40)) end
  if r < 0.85 then return string.rep("x", pick({ 31, 32, 255, 256, 257, 1024, 1460, 1473, 2921 })) end
  if r < 0.95 then return string.rep("y", pick({ 4096, 5840, 16384, 65536 })) end
  return string.rep("z\0", rint(1, 300))
end

local make_cb -- defined below (callbacks need random values and vice versa)

local weird_mt = {
  __index = function(_, k) if k == "boom" then error("index boom") end return nil end,
  __tostring = function() return {} end,
  __len = function() return -1 end,
  __call = function() return 1 end,
}

local function rand_value(depth, may_raise)
  depth = depth or 0
  local r = rand()
  if r < 0.08 then return nil end
  if r < 0.14 then return rand() < 0.5 end
  if r < 0.34 then
    if chance(0.5) then return pick(numbers) end
    return rint(-1000, 70000)
  end
  if r < 0.56 then return rand_string() end
  if r < 0.68 then return make_cb(may_raise) end
  if r < 0.84 then
    local o = any_live()
    if o ~= nil then return o end
    return rint(0, 3)
  end
  if r < 0.92 and depth < 2 then
    local t = {}
    for i = 1, rint(0, 4) do t[i] = rand_value(depth + 1) end
    if chance(0.5) then t[rand_string()] = rand_value(depth + 1) end
    if chance(0.3) then t.banner = rand_value(depth + 1) end
    if chance(0.2) then setmetatable(t, weird_mt) end
    return t
  end
  if r < 0.96 then
    local co = coroutine.create(function(...) coroutine.yield(...) end)
    if chance(0.5) then coroutine.resume(co) end
    if chance(0.3) then coroutine.resume(co) end
    return co
  end
  return pick({ tmr, net, node, file, pipe, bit, uart, _G, ROM or _G })
end

-- Short text of a value for the trace.
local function show(v)
  local ty = type(v)
  if ty == "string" then
    if #v > 24 then return string.format("<string %d>", #v) end
    return string.format("%q", v)
  end
  if ty == "number" then
    if v ~= v then return "nan" end
    return tostring(v)
  end
  if ty == "table" and getmetatable(v) == weird_mt then return "<weird table>" end
  if ty == "userdata" or ty == "table" or ty == "function" or ty == "thread" then return "<" .. ty .. ">" end
  return tostring(v)
end

-- Calls ------------------------------------------------------------------------

local nest = 0        -- random calls in progress (callbacks made inside calls)
local MAX_NEST = 3
local targets = {}    -- { name, fn } module functions
local methods = {}    -- metatable -> { { name, fn } }
local fixups = {}     -- fn -> function(args) rewrites arguments / repairs after
local afters = {}     -- fn -> function() repairing what the call changed
local protected = {}  -- fn -> true: its callbacks are protected calls (may raise)

local random_call -- forward

local save_state = function()
  local parts = {}
  for _, k in ipairs({ "seed", "restarts", "elapsed_us", "calls", "cbs", "errors" }) do
    parts[#parts + 1] = k .. "=" .. string.format("%d", st[k])
  end
  file.putcontents(STATE, table.concat(parts, " "))
end

local restart_pending = false
local function planned_restart()
  if restart_pending or st.restarts >= opt.restarts or ending then return end
  restart_pending = true
  st.restarts = st.restarts + 1
  st.elapsed_us = elapsed_us()
  save_state()
  trace("restart " .. st.restarts)
  print("luafuzz: planned restart " .. st.restarts)
  node.restart()
end

local function close_obj(o)
  if type(o) == "userdata" or type(o) == "table" then
    local mt = getmetatable(o)
    local idx = type(mt) == "table" and (rawget(mt, "__index") or mt) or nil
    if type(idx) == "table" then
      if type(rawget(idx, "unregister")) == "function" then pcall(idx.unregister, o) end
      if type(rawget(idx, "close")) == "function" then pcall(idx.close, o) end
    end
  end
end

local function drop_refs(o)
  for i = 1, LIVE_SLOTS do if live[i] == o then live[i] = nil end end
end

-- A callback: registers what it is given, then does random things to it.
-- Only callbacks made with may_raise (given to tmr, node.task and pipe, whose
-- callbacks are protected calls, runtime.md §2.4.1) ever raise: net callbacks
-- are unprotected on the esp8266 profile (net.md §0.4) and would end the run.
make_cb = function(may_raise)
  local id = rint(1, 1e6)
  local ret = rand_value(2)
  return function(...)
    local args = { ... }
    for i = 1, select("#", ...) do
      local a = args[i]
      if type(a) == "userdata" or type(a) == "table" then seen[a] = true end
    end
    if ending then return false end
    st.cbs = st.cbs + 1
    local self = args[1]
    local r = rand()
    if r < 0.10 then
      trace("cb" .. id .. " close self")
      close_obj(self)
    elseif r < 0.16 then
      trace("cb" .. id .. " close self, drop, collect")
      close_obj(self)
      drop_refs(self)
      args, self = nil, nil
      pcall(collectgarbage)
    elseif r < 0.22 then
      trace("cb" .. id .. " drop, collect")
      drop_refs(self)
      args, self = nil, nil
      pcall(collectgarbage)
    elseif r < 0.45 then
      keep(self)
    elseif r < 0.70 then
      for _ = 1, rint(1, 4) do random_call() end
    elseif r < 0.71 then
      planned_restart()
      for _ = 1, rint(0, 3) do random_call() end
    elseif r < 0.73 and may_raise then
      trace("cb" .. id .. " raise")
      error(rand_value(2))
    end
    if ending then return false end
    return ret
  end
end

local function rand_args(n, may_raise)
  local a = {}
  for i = 1, n do a[i] = rand_value(0, may_raise) end
  return a
end

local function call(name, fn, args, n)
  st.calls = st.calls + 1
  if opt.trace == 1 then
    local s = {}
    for i = 1, n do s[i] = show(args[i]) end
    trace(string.format("call %d %s(%s)", st.calls, name, table.concat(s, ", ")))
  end
  local res = { pcall(fn, unpack(args, 1, n)) }
  if not res[1] then st.errors = st.errors + 1 end
  for i = 2, #res do keep(res[i]) end
  return res
end

local function methods_of(o)
  local mt = getmetatable(o)
  if type(mt) ~= "table" then return nil end
  local list = methods[mt]
  if list then return list end
  list = {}
  for k, v in pairs(mt) do
    if type(v) == "function" then list[#list + 1] = { tostring(k), v } end
  end
  local idx = rawget(mt, "__index")
  if type(idx) == "table" and idx ~= mt then
    for k, v in pairs(idx) do
      if type(v) == "function" then list[#list + 1] = { tostring(k), v } end
    end
  end
  table.sort(list, function(x, y) return x[1] < y[1] end) -- pairs order is not seeded
  for _, m in ipairs(list) do
    if m[1] == "alarm" then list.timer = true end
    if m[1] == "getaddr" then list.net = true end
  end
  methods[mt] = list
  return list
end

-- Argument makers for the calls that reach the network or the flash.
local function loop_host()
  return pick({ "127.0.0.1", "::1", "localhost", "127.1", "127.0.0.1", "::ffff:127.0.0.1",
    "fz.invalid", "", "256.1.1.1", "1.2.3.4.5", string.rep("h", 300), nil, true, {} })
end
local function own_port(list)
  local p = #list > 0 and pick(list) or 0
  return pick({ p, p, p + 65536, tostring(p), 0, nil, "x", -65536 + p, {} })
end
local function zero_port()
  return pick({ 0, 0, "0", 65536, -65536, 0.0, 131072 })
end
local function listen_ip()
  return pick({ "127.0.0.1", "127.0.0.1", "::1", "127.1", "0x7f000001", "localhost",
    "", "1.2.3.4.5", nil, {} })
end

-- Constructors: objects for the method calls, made as scripts make them.
local creators = {
  function()
    local t = tmr.create()
    keep(t)
    if chance(0.7) then
      pcall(t.register, t, rint(1, 30), rint(0, 2), make_cb(true))
      if chance(0.8) then pcall(t.start, t) end
    end
  end,
  function()
    local s = net.createServer(pick({ nil, 1, 30, 0, -1 }))
    keep(s)
    local ok = pcall(s.listen, s, 0, pick({ "127.0.0.1", "::1" }), make_cb())
    if ok then
      local p = s:getaddr()
      if p then tcp_ports[#tcp_ports + 1] = p end
      if #tcp_ports > 16 then table.remove(tcp_ports, 1) end
    end
  end,
  function()
    local c = net.createConnection()
    keep(c)
    for _, ev in ipairs({ "connection", "receive", "sent", "disconnection", "reconnection" }) do
      if chance(0.6) then pcall(c.on, c, ev, make_cb()) end
    end
    if #tcp_ports > 0 then
      pcall(c.connect, c, pick(tcp_ports), pick({ "127.0.0.1", "::1", "localhost" }))
    end
  end,
  function()
    local u = net.createUDPSocket()
    keep(u)
    if chance(0.6) then pcall(u.on, u, "receive", make_cb()) end
    if chance(0.3) then pcall(u.on, u, "sent", make_cb()) end
    if pcall(u.listen, u, 0, "127.0.0.1") then
      local p = u:getaddr()
      if p then udp_ports[#udp_ports + 1] = p end
      if #udp_ports > 16 then table.remove(udp_ports, 1) end
    end
    if #udp_ports > 0 and chance(0.7) then
      pcall(u.send, u, pick(udp_ports), "127.0.0.1", rand_string(), make_cb())
    end
  end,
  function()
    keep(pipe.create(make_cb(true), rint(0, 2)))
  end,
  function()
    keep(file.open(pick({ "fz_a", "fz_b", "dir/fz_c", "fz_a.lua" }), pick({ "r", "w", "a", "r+", "w+", "a+" })))
  end,
  function()
    local co = coroutine.create(function()
      for _ = 1, rint(1, 5) do
        random_call()
        coroutine.yield()
      end
    end)
    keep(co)
  end,
}

-- Deep-pcall garbage (see deep_gc above).
local function deep_garbage()
  local depth = rint(180, 200)
  local rounds = rint(2, 20) -- later rounds collect earlier rounds' garbage deep down
  trace("deep garbage " .. depth .. " x" .. rounds)
  local function down(n)
    if n > 0 then return pcall(down, n - 1) end
    for _ = 1, rint(1, 8) do
      local t = tmr.create()
      local u = net.createUDPSocket()
      t, u = nil, nil
    end
    local junk = {}
    for i = 1, rint(100, 2000) do junk[i] = { i, tostring(i) } end
    if chance(0.5) then pcall(collectgarbage, "step", rint(0, 100)) end
  end
  for i = 1, rounds do down(depth + i % 3) end
end

local function special()
  local r = rand()
  if r < 0.25 then
    trace("collect")
    pcall(collectgarbage, pick({ "collect", "step", "step" }))
  elseif r < 0.45 then
    trace("drop")
    for i = 1, LIVE_SLOTS do if chance(0.3) then live[i] = nil end end
    if chance(0.5) then pcall(collectgarbage) end
  elseif r < 0.65 then
    local o = any_live()
    if type(o) == "thread" then
      trace("resume")
      coroutine.resume(o, rand_value())
    elseif o ~= nil then
      trace("close any")
      close_obj(o)
    end
  elseif r < 0.85 then
    -- A timer whose alarm unregisters it and drops it.
    trace("self-unregistering timer")
    local t = tmr.create()
    t:alarm(rint(1, 20), rint(0, 2), function(tt)
      if ending then tt:unregister() return end
      st.cbs = st.cbs + 1
      if chance(0.3) then random_call() end
      tt:unregister()
      if chance(0.5) then pcall(collectgarbage) end
      if chance(0.02) then planned_restart() end
    end)
  elseif opt.deep_gc == 1 then
    deep_garbage()
  end
end

random_call = function()
  if nest >= MAX_NEST or restart_pending and chance(0.5) then return end
  nest = nest + 1
  local r = rand()
  if r < 0.38 then
    local t = pick(targets)
    local n = rint(0, 5)
    local args = rand_args(n, protected[t[2]])
    local fix = fixups[t[2]]
    if fix then args, n = fix(args, n) end
    call(t[1], t[2], args, n)
    if afters[t[2]] then afters[t[2]]() end
  elseif r < 0.80 then
    local o = any_live()
    local list = o ~= nil and methods_of(o)
    if list and #list > 0 then
      local m = pick(list)
      if m[1] == "__gc" and list.net and opt.net_gc ~= 1 then
        m = nil -- see net_gc above
      end
      if m then
        local n = rint(0, 5)
        -- Timer callbacks are protected calls (runtime.md §2.4.1).
        local args = rand_args(n, methods_of(o).timer)
        local fix = fixups[m[2]]
        if fix then args, n = fix(args, n) end
        local self = o
        if chance(0.08) then self = rand_value() end -- wrong self
        table.insert(args, 1, self)
        call(m[1], m[2], args, n + 1)
      end
    end
  elseif r < 0.93 then
    pick(creators)()
  else
    special()
  end
  nest = nest - 1
end

-- Targets ----------------------------------------------------------------------

-- node.setonerror: the fuzzer's handler counts errors of protected callbacks
-- (runtime.md §2.4.1) instead of the default report and exit.
local function onerror(msg)
  st.errors = st.errors + 1
  trace("onerror " .. show(msg))
end
node.setonerror(onerror)

local skip_names = {
  ["node.dsleep"] = true, ["node.restart"] = true, ["file.format"] = true,
  ["_HOST.exit"] = true, ["node.flashreload"] = true,
}
local function add_targets(prefix, t, depth)
  local names = {}
  for k in pairs(t) do if type(k) == "string" then names[#names + 1] = k end end
  table.sort(names)
  for _, k in ipairs(names) do
    local v = rawget(t, k)
    local name = prefix .. "." .. k
    if type(v) == "function" and not skip_names[name] then
      targets[#targets + 1] = { name, v }
    elseif type(v) == "table" and depth < 2 then
      add_targets(name, v, depth + 1)
    end
  end
end
local modnames = {}
for k, v in pairs(ROM or {}) do
  if type(k) == "string" and type(v) == "table" and v ~= ROM and v ~= _G then modnames[#modnames + 1] = k end
end
table.sort(modnames)
for _, k in ipairs(modnames) do
  local v = ROM[k]
  if next(v) == nil then
    -- A module the host does not emulate: indexing it raises (runtime.md §4.0).
    targets[#targets + 1] = { k .. "[?]", function(f) return v[f] end }
  else
    add_targets(k, v, 0)
  end
end
add_targets("_HOST", _HOST, 1)

-- Argument fixes for the calls that reach the network, block or change boot.
local function fix(fn, f) if type(fn) == "function" then fixups[fn] = f end end
fix(tmr.delay, function(a, n) a[1] = pick({ 0, -1, 1, 100, 2 ^ 31, 2 ^ 32, -4294967295, "5", nil, {} }) return a, n end)
fix(tmr.softwd, function(a, n)
  -- Armed only for the length of the call: expiry is an uncaught error (§2.8).
  return { pick({ -1, 0, 1, 2 ^ 31, "x", nil }) }, 1
end)
afters[tmr.softwd] = function() tmr.softwd(-1) end
afters[node.setonerror] = function() node.setonerror(onerror) end
afters[node.startupcommand] = function() node.startup({}) end
afters[node.startup] = function() node.startup({}) end
for _, fn in ipairs({ node.task and node.task.post, pipe.create }) do protected[fn] = true end
fix(node.startupcommand, function(a, n) return { pick({ "", "=print(1)", 5, nil, {} }) }, 1 end)
fix(node.startup, function(a, n) a[1] = pick({ {}, { banner = rand_value() }, { frequency = rand_value() }, {}, nil, 5 }) return a, n end)
fix(net.multicastJoin, function(a, n) return { pick({ "127.0.0.1", "lo", "1234567890123456", 5, nil }), pick({ "224.0.0.251", "239.255.0.1", "ff02::fb", "1.2.3", nil, "x" }) }, 2 end)
fix(net.multicastLeave, fixups[net.multicastJoin])
fix(net.ping, function(a, n)
  return { pick({ "127.0.0.1", "::1", "localhost", nil, "" }), pick({ 1, 2, -1, "1", nil, {} }), make_cb(), make_cb() }, rint(1, 4)
end)
if net.dns then
  fix(net.dns.setdnsserver, function(a, n)
    return { pick({ "127.0.0.1", "::1", "127.0.0.1:1", "[::1]:1", "0.0.0.0", "255.255.255.255", string.rep("1", 17), "x", nil, 5 }), a[2] }, 2
  end)
end

-- Methods: found on sample objects (their metatables hold the functions).
local function method(o, name)
  local mt = getmetatable(o)
  local idx = type(mt) == "table" and rawget(mt, "__index")
  return type(idx) == "table" and rawget(idx, name) or nil
end
local sample_tcp, sample_srv, sample_udp = net.createConnection(), net.createServer(), net.createUDPSocket()
fix(method(sample_tcp, "connect"), function(a, n)
  a[1] = own_port(tcp_ports)
  a[2] = loop_host()
  if n < 2 then n = 2 end
  return a, n
end)
fix(method(sample_srv, "listen"), function(a, n)
  return { zero_port(), listen_ip(), pick({ make_cb(), make_cb(), nil, 5 }) }, rint(1, 3)
end)
fix(method(sample_udp, "listen"), function(a, n)
  return { zero_port(), listen_ip() }, rint(0, 2)
end)
fix(method(sample_udp, "send"), function(a, n)
  a[1] = own_port(udp_ports)
  a[2] = loop_host()
  if n < 3 then n = 3 end
  return a, n
end)
sample_tcp, sample_srv, sample_udp = nil, nil, nil

-- Random file names must not hit the fuzzer's own files.
local function safe_name(v)
  if type(v) == "string" and (v == STATE or string.find(v, "fuzz", 1, true)) then return "fz_a" end
  return v
end
for _, fn in ipairs({ file.remove, file.rename, file.open, file.putcontents, node.compile }) do
  if not fixups[fn] then
    fix(fn, function(a, n) a[1] = safe_name(a[1]); a[2] = safe_name(a[2]) return a, n end)
  end
end

-- Driver -----------------------------------------------------------------------

local function finish()
  ending = true
  -- Close what is still alive so that no work is left (runtime.md §2.2).
  for _ = 1, 2 do
    local all = {}
    for o in pairs(seen) do all[#all + 1] = o end
    for _, o in ipairs(all) do close_obj(o) end
    pcall(collectgarbage)
  end
  pcall(node.output)
  pcall(uart.on, "data")
  pcall(tmr.softwd, -1)
  file.remove(STATE)
  st.elapsed_us = elapsed_us()
  print(string.format("luafuzz: done seed=%d calls=%d callbacks=%d errors=%d restarts=%d seconds=%.1f",
    seed, st.calls, st.cbs, st.errors, st.restarts, st.elapsed_us / 1e6))
end

local driver = tmr.create()
local function step()
  if restart_pending then return end
  if not budget_left() then
    driver:unregister()
    finish()
    return
  end
  for _ = 1, rint(5, 30) do
    random_call()
    if restart_pending then return end
  end
  if chance(0.7) then
    node.task.post(rint(0, 2), step)
  else
    driver:alarm(rint(1, 5), tmr.ALARM_SINGLE, step)
  end
end
-- Anchor the driver (an armed timer is anchored; this one is re-armed).
_G.luafuzz_driver = driver
node.task.post(0, step)
