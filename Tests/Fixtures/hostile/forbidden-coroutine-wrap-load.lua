-- coroutine.wrap around load is still text-only load.
-- expect: exit 0
-- stdout: load: binary (precompiled) chunks are not allowed
print(coroutine.wrap(load)("\27LuaT\0"))
