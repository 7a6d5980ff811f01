-- A record's metatable cannot be replaced.
-- expect: exit 4
-- stderr: bad argument #1 to 'setmetatable' (table expected, got samverkan record)
setmetatable(kb.municipalities[1], {})
