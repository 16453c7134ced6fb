-- runtime.md §4.0: a module the host never emulates is a table whose every
-- field access raises, naming the module and the field.
local check = require "lib.check"
check.raises("module 'i2c' is not supported on nodemcu-host (i2c.setup)",
             function() i2c.setup(0, 1, 2, i2c.SLOW) end)
check.raises("module 'mqtt' is not supported on nodemcu-host (mqtt.Client)",
             function() return mqtt.Client("id", 120) end)
for _, name in ipairs({"adc", "dht", "enduser_setup", "http", "mdns", "ow", "pwm", "spi", "websocket"}) do
  check.raises(("module '%s' is not supported on nodemcu-host (%s.anything)"):format(name, name),
               function() return ROM[name].anything end)
end
