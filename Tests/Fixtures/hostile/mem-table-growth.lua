-- A table that grows without end.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
local t = {}
for i = 1, 1e9 do t[i] = i end
