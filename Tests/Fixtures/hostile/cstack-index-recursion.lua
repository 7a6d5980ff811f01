-- An __index that indexes itself.
-- expect: exit 4
-- stderr: C stack overflow
local t = setmetatable({}, {})
getmetatable(t).__index = function(s, k) return s[k] end
print(t.x)
