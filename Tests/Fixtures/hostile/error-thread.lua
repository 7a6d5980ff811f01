-- error(coroutine).
-- expect: exit 4
-- stderr: (error object is a thread value)
error(coroutine.create(print))
