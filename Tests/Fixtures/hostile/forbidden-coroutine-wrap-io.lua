-- A coroutine sees the same environment.
-- expect: exit 4
-- stderr: 'io' is not available in samverkan scripts
coroutine.wrap(function() return io.open("/etc/passwd") end)()
