-- net.md §4.1, §4.9.3, §9.3: a connect the OS refuses at once (ENETUNREACH
-- for 255.255.255.255) is reported as an event, -8, after connect() returned;
-- only "dns" runs inside connect().
local check = require "lib.check"
local sk = net.createConnection()
local log = {}
sk:on("dns", function(_, ip) log[#log + 1] = "dns " .. ip end)
sk:on("reconnection", function(s, code)
  log[#log + 1] = "reconnection " .. code
  check.raises("not connected", function() s:close() end)
  print(table.concat(log, ","))
end)
sk:connect(80, "255.255.255.255")
check.eq(table.concat(log, ","), "dns 255.255.255.255", "inside connect")
