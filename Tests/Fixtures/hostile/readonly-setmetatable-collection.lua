-- A collection's metatable cannot be replaced.
-- expect: exit 4
-- stderr: bad argument #1 to 'setmetatable' (table expected, got samverkan collection)
setmetatable(kb.municipalities, { __index = function() return 0 end })
