-- args: --profile host
-- no-stderr: W-ABSENT
-- runtime.md §5.1: the host profile has every function without W-ABSENT.
assert(node.uptime() >= 0)
node.egc.setmode(node.egc.ALWAYS)
