-- runtime.md §2.4.1: a non-string error value gets no traceback; the default
-- handler gives it to print as raised (print applies tostring).
-- status: 1
local obj = setmetatable({}, { __tostring = function() return "custom error object" end })
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() error(obj) end)
