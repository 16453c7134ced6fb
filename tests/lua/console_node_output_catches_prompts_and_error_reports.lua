-- runtime.md §4.2.1: node.output receives prompts and error reports too,
-- as a telnet console relies on.
-- args: --on-error continue
-- status: 1
local got = {}
node.output(function(p) got[#got + 1] = p:read(1000) end, 0)
node.input("=6*7\n")
-- Armed from a LOW task posted after the input line, so the line runs first.
node.task.post(node.task.LOW_PRIORITY, function()
  tmr.create():alarm(20, tmr.ALARM_SINGLE, function()
    -- LOW: after the HIGH error report and the MEDIUM reader it feeds (§2.3).
    node.task.post(node.task.LOW_PRIORITY, function()
      node.output()
      local all = table.concat(got)
      print(all:sub(1, 5) == "42\n> ", all:find("%.lua:%d+: late\nstack traceback:") ~= nil)
    end)
    error("late")
  end)
end)
