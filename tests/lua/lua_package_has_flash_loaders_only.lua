-- runtime.md §3.2: package.path "?.lc;?.lua", the preload and Lua file
-- searchers only, loaders = searchers, no C loaders.
local check = require "lib.check"
check.eq(package.path, "?.lc;?.lua", "package.path")
check.eq(#package.searchers, 2, "two searchers")
check.eq(package.loaders, package.searchers, "loaders is searchers")
check.eq(package.loadlib, nil, "package.loadlib")
package.preload.preloaded = function(name) return "preloaded " .. name end
check.eq(require("preloaded"), "preloaded preloaded", "preload searcher")
