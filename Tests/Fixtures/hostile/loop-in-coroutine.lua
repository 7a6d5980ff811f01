-- A loop inside a coroutine.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
local co = coroutine.create(function() while true do end end)
coroutine.resume(co)
