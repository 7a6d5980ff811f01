-- The script's own table with an __index that loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
local t = setmetatable({}, { __index = function() while true do end end })
print(t.anything)
