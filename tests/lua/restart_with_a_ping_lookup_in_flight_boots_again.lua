-- args: --dns-server 127.0.0.1:1
-- runtime.md §2.5: node.restart() tears everything down, pending DNS included,
-- and boots again. A net.ping whose name lookup is still in flight must not
-- hold the restart (it did: the second boot never came and the run hung).
if node.bootreason() == 1 then
  net.ping("fz.invalid", 1, function() end)
  node.restart()
else
  print("booted again")
end
