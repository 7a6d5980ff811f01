-- coroutine.wrap nested until the C stack is full.
-- expect: exit 4
-- stderr: C stack overflow
local function f() return coroutine.wrap(f)() end
f()
