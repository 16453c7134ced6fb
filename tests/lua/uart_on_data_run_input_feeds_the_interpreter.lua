-- runtime.md §4.9.2, §4.9.3: without run_input 0, stdin lines also go to the
-- interpreter (one LOW task each, prompt after), after the data callback.
-- stdin: x = 6 * 7\n=x\n
uart.on("data", "\n", function(data) uart.write(0, "data:", data) end)
