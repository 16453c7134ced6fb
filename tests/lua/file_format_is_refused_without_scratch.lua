-- runtime.md §4.3: without --scratch file.format raises: it would erase the project.
local check = require "lib.check"
check.raises("file.format is refused on nodemcu-host without --scratch",
  function() file.format() end)
check.eq(file.list()["file_format_is_refused_without_scratch.lua"] ~= nil, true, "nothing erased")
