-- The main thread cannot be resumed or closed.
-- expect: exit 0
-- stdout: false\tcannot resume non-suspended coroutine
-- stdout: false\tcannot close a running coroutine
local main = coroutine.running()
print(coroutine.resume(main))
print(pcall(coroutine.close, main))
