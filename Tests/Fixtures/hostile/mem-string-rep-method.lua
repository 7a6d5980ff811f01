-- The method form is the same checked rep.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
local s = ("xy"):rep(2^40)
