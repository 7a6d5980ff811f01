-- pcall cannot swallow the timeout.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
while true do pcall(function() while true do end end) end
