-- args: --scratch --ntest=tap
-- runtime.md §6.2: under --ntest the constructor NTest returns is wrapped; an
-- error it raises reaches the script unchanged, and no run is counted.
-- (The run's name must not be a live C++ string then: the sanitizer build checks it.)
local check = require "lib.check"
file.putcontents("NTest.lua",
  "return function(name) error('no runs today: ' .. tostring(name), 0) end\n")
local NTest = require "NTest"
check.raises("no runs today: a run with a name longer than fifteen bytes",
  function() NTest("a run with a name longer than fifteen bytes") end)
check.raises_like("no runs today: table", function() NTest({}) end)
