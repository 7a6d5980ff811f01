-- 100 MB printed in 1 MB lines either all arrives or stops at the timeout.
-- expect: exit 0 or 4
-- stderr: timeout: the script ran longer than 1 s
local line = string.rep("x", 1024 * 1024 - 1)
for i = 1, 100 do print(line) end
