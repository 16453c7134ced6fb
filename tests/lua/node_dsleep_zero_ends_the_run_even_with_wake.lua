-- args: --on-dsleep wake
-- stderr: N-DSLEEP: node\.dsleep\(0\): the device sleeps until reset
-- runtime.md §2.6: dsleep(0) sleeps until reset, so even --on-dsleep wake
-- ends the run with status 0.
print("boot", node.bootreason())
node.dsleep(0)
