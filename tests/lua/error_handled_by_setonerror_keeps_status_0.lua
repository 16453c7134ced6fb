-- runtime.md §1.3, §2.4.1: an error given to a node.setonerror handler is
-- handled: the handler gets the traceback, nothing restarts or exits, and
-- the status stays 0.
-- no-stderr: E-LUA
node.setonerror(function(e) print("handled: " .. e:match("^[^\n]*")) end)
tmr.create():alarm(10, tmr.ALARM_SINGLE, function() error("oops") end)
tmr.create():alarm(100, tmr.ALARM_SINGLE, function() print("still up") end)
