-- A million short lines.
-- expect: exit 0 or 4
-- stderr: timeout: the script ran longer than 1 s
for i = 1, 1e6 do print(i) end
