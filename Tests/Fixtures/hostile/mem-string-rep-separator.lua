-- The separator counts too.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
local s = string.rep("x", 1e7, string.rep("-", 10))
