-- args: --profile esp8266
-- stderr: W-NET6: net.createServer\(\) takes only the idle timeout: 1 is used as the timeout in seconds and the remaining arguments are ignored \(at net_server_warns_w6_and_w14_for_create_server_arguments.lua:8\)
-- stderr: W-NET14: server idle timeout 0 is outside the documented range 1-28800 seconds \(at net_server_warns_w6_and_w14_for_create_server_arguments.lua:9\)
-- stderr: W-NET14: server idle timeout 28801 is outside the documented range 1-28800 seconds \(at net_server_warns_w6_and_w14_for_create_server_arguments.lua:10\)
-- no-stderr: lua:11\)
-- net.md §2.2, §14 W6 and W14.
local check = require "lib.check"
local a = net.createServer(net.TCP, 30)
local b = net.createServer(0)
local c = net.createServer(28801)
local d = net.createServer(28800)
check.raises_like("number expected", function() net.createServer("x") end)
print(type(a), type(b), type(c), type(d))
