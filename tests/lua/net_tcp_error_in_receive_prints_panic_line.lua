-- status: 1
-- stderr: E-LUA: unprotected error in a net callback: .*net_tcp_error_in_receive_prints_panic_line.lua:9: boom
-- runtime.md §2.4.1/§2.4.2, net.md §0.4: an error in a net callback prints the
-- PANIC line on stdout and, under the default --on-error exit, ends with 1.
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(_, d)
    print("got " .. d)
    error("boom")
  end)
end)
local sk = net.createConnection()
sk:on("connection", function(s) s:send("x") end)
sk:connect((srv:getaddr()), "127.0.0.1")
