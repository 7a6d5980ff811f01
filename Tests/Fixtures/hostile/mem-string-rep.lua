-- string.rep of 1 TB is refused before it starts.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
local s = string.rep("x", 2^40)
