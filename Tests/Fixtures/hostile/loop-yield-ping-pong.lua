-- A coroutine that yields forever.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
local co = coroutine.wrap(function() while true do coroutine.yield() end end)
while true do co() end
