-- Lua 5.4.4 bug "Recursion in 'getobjname' can stack overflow": an error at the end of a
-- 100 000-long field chain. On samverkan's large stack the message is worded; its quadratic
-- time ends at the timeout at worst.
-- expect: exit 4
local src = "local t = setmetatable({}, { __index = function(t) return t end }) return t"
  .. string.rep(".x", 100000) .. "()"
load(src)()
