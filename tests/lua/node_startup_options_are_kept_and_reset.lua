-- runtime.md §4.2.1: node.startup options are kept for the next boot (the
-- CPU frequency takes effect there); {} resets them; the return is the table.
local check = require "lib.check"
local raw = node.bootreason()
if raw == 1 then
  local opts = node.startup()
  check.eq(opts.banner, true, "default banner")
  check.eq(opts.delay_mount, false, "default delay_mount")
  check.eq(opts.frequency, 80, "default frequency")
  check.eq(opts.command, nil, "default command")
  opts = node.startup({frequency = node.CPU160MHZ, banner = false, delay_mount = true})
  check.eq(opts.frequency, 160, "frequency set")
  check.eq(opts.banner, false, "banner set")
  check.eq(opts.delay_mount, true, "delay_mount set")
  check.eq(node.getcpufreq(), 80, "frequency unchanged until the next boot")
  check.eq(node.startup({banner = true}).frequency, 160, "unnamed options kept")
  node.restart()
else
  check.eq(node.getcpufreq(), 160, "frequency from node.startup")
  local opts = node.startup()
  check.eq(opts.frequency, 160, "kept frequency")
  check.eq(opts.delay_mount, true, "kept delay_mount")
  opts = node.startup({})
  check.eq(opts.frequency, 80, "reset frequency")
  check.eq(opts.banner, true, "reset banner")
  check.eq(opts.delay_mount, false, "reset delay_mount")
  print("checked after restart")
end
