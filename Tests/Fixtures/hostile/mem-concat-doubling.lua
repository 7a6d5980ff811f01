-- A string doubled until it is too big.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
local s = "x"
for i = 1, 40 do s = s .. s end
