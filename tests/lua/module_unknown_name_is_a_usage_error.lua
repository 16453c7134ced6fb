-- runtime.md §1.2: an unknown name in --modules is a usage error (status 2);
-- nothing runs.
-- args: --modules tmr,nosuchmodule
-- status: 2
-- stderr: ^nodemcu-host: error: E-USAGE: unknown module 'nosuchmodule' in --modules
print("the script ran")
