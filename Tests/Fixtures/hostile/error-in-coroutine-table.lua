-- A table error crossing coroutine.wrap.
-- expect: exit 4
-- stderr: (error object is a table value)
coroutine.wrap(function() error({}) end)()
