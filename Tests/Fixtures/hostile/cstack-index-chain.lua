-- A chain of a million __index tables.
-- expect: exit 4
-- stderr: '__index' chain too long; possible loop
local t = {}
for i = 1, 1e4 do t = setmetatable({}, { __index = t }) end
print(t.x)
