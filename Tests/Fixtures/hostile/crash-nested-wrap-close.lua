-- A variant: the chain through coroutine.wrap, whose error path closes the coroutine too
-- (each wrapped coroutine fails and its __close handler calls the previous one).
-- expect: exit 0 or 4
local f = false
for i = 1, 20000 do
  local previous = f
  f = coroutine.wrap(function()
    local cc <close> = setmetatable({}, { __close = function()
      if previous then previous() end
    end })
    coroutine.yield()
    error("fail " .. i)
  end)
  f()
end
print(pcall(f))
