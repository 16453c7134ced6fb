-- runtime.md §4.2.1: getcpufreq is 80 at boot; setcpufreq(f) gives 160 if f is 160, else 80.
local check = require "lib.check"
check.eq(node.getcpufreq(), 80, "boot frequency")
check.eq(node.setcpufreq(node.CPU160MHZ), 160, "set 160")
check.eq(node.getcpufreq(), 160, "now 160")
check.eq(node.setcpufreq(120), 80, "anything else is 80")
check.eq(node.getcpufreq(), 80, "back to 80")
check.raises("bad argument #1 to 'setcpufreq' (number expected, got no value)", function() node.setcpufreq() end)
