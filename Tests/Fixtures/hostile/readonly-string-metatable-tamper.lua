-- Changing the string metatable only breaks this script's own string methods.
-- expect: exit 4
-- stderr: attempt to call a nil value (method 'upper')
getmetatable("").__index = {}
print(("x"):upper())
