return "from mod.lua"
