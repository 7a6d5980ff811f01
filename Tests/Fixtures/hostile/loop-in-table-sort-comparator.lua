-- table.sort with a comparator that loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
local t = {}
for i = 1, 100 do t[i] = i end
table.sort(t, function(a, b) while true do end end)
