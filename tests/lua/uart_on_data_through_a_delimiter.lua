-- runtime.md §4.9.2: with a one-character delimiter each record runs through
-- it; uart.on("data") unregisters, after which stdin is not read.
-- stdin: ab;cd;quit;more;
uart.on("data", ";", function(data)
  print("got[" .. data .. "]")
  if data == "quit;" then uart.on("data") end
end, 0)
