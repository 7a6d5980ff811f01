-- What a host callback builds counts against the limit once it returns.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
local s = string.rep("A", 3.5e7)   -- 35 MB
local u = text.lower(s)           -- 35 MB more, built by the host
