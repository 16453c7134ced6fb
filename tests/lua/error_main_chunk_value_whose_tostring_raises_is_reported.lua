-- runtime.md §2.4.3: the main chunk's error is printed as text. An error value
-- whose __tostring itself raises is printed as that second error, not a Lua
-- panic of the runtime; under exit the run ends with status 1.
-- status: 1
-- stderr: E-LUA: the main chunk error_main_chunk_value_whose_tostring_raises_is_reported.lua failed
-- no-stderr: E-INTERNAL
error(setmetatable({}, { __tostring = function() error("no text for this error", 0) end }))
