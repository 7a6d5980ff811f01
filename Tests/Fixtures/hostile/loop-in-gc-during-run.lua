-- A finalizer that loops while the script still runs: only the last resort can stop it.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
setmetatable({}, { __gc = function() while true do end end })
local t = {}
for i = 1, 1e8 do t[i % 1000] = {} end
