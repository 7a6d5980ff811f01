-- A __tostring that raises its own object again and again.
-- expect: exit 4
-- stderr: C stack overflow
local e
e = setmetatable({}, { __tostring = function() error(e) end })
error(e)
