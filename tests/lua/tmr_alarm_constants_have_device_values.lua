-- runtime.md §4.1: ALARM_SINGLE 0, ALARM_AUTO 1, ALARM_SEMI 2.
local check = require "lib.check"
check.eq(tmr.ALARM_SINGLE, 0, "ALARM_SINGLE")
check.eq(tmr.ALARM_AUTO, 1, "ALARM_AUTO")
check.eq(tmr.ALARM_SEMI, 2, "ALARM_SEMI")
for _, name in ipairs { "create", "now", "time", "delay", "wdclr", "softwd", "ccount" } do
  check.eq(type(tmr[name]), "function", "tmr." .. name)
end
