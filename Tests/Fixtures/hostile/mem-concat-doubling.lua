-- A string doubled until it is too big.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
local s = "x"
for i = 1, 40 do s = s .. s end
