-- runtime.md §4.9.2, §1.4: uart.write(0) goes raw to stdout, uart.write(1) to
-- stderr; node.output does not catch either. Numbers are bytes.
-- stderr: ^to-stderr\x01$
node.output(function(p) p:read() end, 0)
uart.write(0, "raw", 10, 65, "\n")
uart.write(1, "to-stderr", 1, "\n")
print("swallowed by node.output")
uart.write(0, "end\n")
