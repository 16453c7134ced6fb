-- runtime.md §2.5: a restart makes a new Lua state, whose classes (timer,
-- TCP server and socket, UDP socket, pipe, file object) have new metatables;
-- the self checks of their methods must accept the new objects and refuse the
-- old kind of mistake in both boots (the checks compare metatable addresses
-- recorded per state, src/lua/box.hpp).
-- args: --scratch
-- no-stderr: W-
local raw, reason = node.bootreason()
local boot = reason == 0 and 1 or 2

local t = tmr.create()
t:register(10, tmr.ALARM_SINGLE, function() end)
local srv = net.createServer(30)
srv:listen(0, "127.0.0.1", function() end)
local port = srv:getaddr()
local sk = net.createConnection(net.TCP)
local u = net.createUDPSocket()
u:listen(0, "127.0.0.1")
local p = pipe.create()
p:write("x")
local f = file.open("f.txt", "w")
f:write("x")
f:close()
-- A socket method given a server: Lua's typed error, as in the first boot.
local ok, err = pcall(sk.close, srv)
assert(not ok and err:find("net.tcpsocket expected", 1, true), tostring(err))
ok, err = pcall(t.state, u)
assert(not ok and err:find("tmr.timer expected", 1, true), tostring(err))
print("boot " .. boot .. ": " .. (port > 0 and "ok" or "no port") .. " " .. p:read())
srv:close()
u:close()
if boot == 1 then
  node.restart()
end
