-- string.format doubling a string.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
local s = string.rep("x", 2^20)
for i = 1, 10 do s = string.format("%s%s", s, s) end
