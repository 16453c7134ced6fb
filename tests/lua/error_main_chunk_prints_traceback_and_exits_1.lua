-- runtime.md §2.4.3: an error in the main chunk prints its traceback (level 2,
-- ending `[C]: in ?` for the boot frame); under exit the run ends with status 1.
-- status: 1
-- stderr: ^nodemcu-host: error: E-LUA: the main chunk error_main_chunk_prints_traceback_and_exits_1.lua failed
local function fail() error("main failed") end
fail()
print("not reached")
