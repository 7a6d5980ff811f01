-- print of a table whose __tostring loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
print(setmetatable({}, { __tostring = function() while true do end end }))
