-- A plain endless loop.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
while true do end
