-- runtime.md §4.9.2: setup stores and returns baud; getconfig returns the
-- stored values, default 115200, 8, 0, 1; alt has no effect; fifodepth is 0.
local check = require "lib.check"
local b, d, p, s = uart.getconfig(0)
check.eq(("%d %d %d %d"):format(b, d, p, s), "115200 8 0 1", "default")
check.eq(uart.setup(0, 9600, 7, uart.PARITY_EVEN, uart.STOPBITS_2, 0), 9600, "setup returns baud")
b, d, p, s = uart.getconfig(0)
check.eq(("%d %d %d %d"):format(b, d, p, s), "9600 7 1 2", "stored")
b = uart.getconfig(1)
check.eq(b, 115200, "uart 1 untouched")
check.raises("bad argument #3 to 'setup' (number expected, got no value)",
  function() uart.setup(0, 9600) end)
check.eq(uart.alt(1), nil, "alt")
check.raises("bad argument #1 to 'alt' (number expected, got no value)", function() uart.alt() end)
check.eq(uart.fifodepth(), 0, "fifodepth")
check.eq(uart.fifodepth(1, uart.DIR_TX), 0, "fifodepth tx")
check.raises("bad argument #1 to 'fifodepth' (Bad UART id; must be 0 or 1)",
  function() uart.fifodepth(2) end)
check.raises("bad argument #2 to 'fifodepth' (Bad direction; must be DIR_RX or DIR_TX)",
  function() uart.fifodepth(0, 2) end)
check.eq(uart.PARITY_NONE + uart.PARITY_EVEN * 10 + uart.PARITY_ODD * 100, 210, "parity")
check.eq(uart.STOPBITS_1 + uart.STOPBITS_2 * 10 + uart.STOPBITS_1_5 * 100, 321, "stop bits")
check.eq(uart.DIR_RX + uart.DIR_TX * 10, 10, "directions")
