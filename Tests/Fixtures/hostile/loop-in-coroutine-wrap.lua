-- A loop inside a wrapped coroutine, resumed from inside another.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
coroutine.wrap(function() coroutine.wrap(function() while true do end end)() end)()
