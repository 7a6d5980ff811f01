-- table.concat of ten million pieces.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
local parts = {}
for i = 1, 1e7 do parts[i] = "abcdefghij" end
local s = table.concat(parts)
