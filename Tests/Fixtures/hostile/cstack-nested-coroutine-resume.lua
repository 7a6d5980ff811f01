-- coroutine.resume nested until the C stack is full.
-- expect: exit 0
-- stdout: C stack overflow
local function f() return select(2, coroutine.resume(coroutine.create(f))) end
print(f())
