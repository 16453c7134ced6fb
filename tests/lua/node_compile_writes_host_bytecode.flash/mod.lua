local value = "mod loaded"
return value
