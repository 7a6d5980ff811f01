-- NaN as a table key is Lua's error.
-- expect: exit 4
-- stderr: index is NaN
local t = {}
t[0/0] = 1
