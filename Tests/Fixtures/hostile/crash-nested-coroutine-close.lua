-- Lua 5.4.4 bug "stack overflow with nesting of coroutine.close": 20 000 coroutines, each
-- closing the previous one from a to-be-closed variable. The shim bounds the nesting.
-- expect: exit 4
-- stderr: C stack overflow (coroutine.close nested more than 200 deep)
local coro = false
for i = 1, 20000 do
  local previous = coro
  coro = coroutine.create(function()
    local cc <close> = setmetatable({}, { __close = function()
      if previous then assert(coroutine.close(previous)) end
    end })
    coroutine.yield()
  end)
  coroutine.resume(coro)
end
assert(coroutine.close(coro))
