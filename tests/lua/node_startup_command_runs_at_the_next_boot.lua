-- runtime.md §2.1, §4.2.1: a node.startup command ("=code") is kept across a
-- restart and runs in place of the main chunk; node.startup{} clears it.
local check = require "lib.check"
if node.bootreason() == 1 then
  local opts = node.startup({command = "=STARTED_BY = 'command' dofile('node_startup_command_runs_at_the_next_boot.lua')"})
  check.eq(opts.command, "=STARTED_BY = 'command' dofile('node_startup_command_runs_at_the_next_boot.lua')", "command")
  print("first boot")
  node.restart()
elseif STARTED_BY == "command" then
  print("second boot, run by the command")
  local opts = node.startup({})
  check.eq(opts.command, nil, "command after reset")
  node.restart()
else
  print("third boot, run as the script")
end
