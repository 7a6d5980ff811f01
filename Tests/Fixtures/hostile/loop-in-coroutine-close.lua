-- coroutine.close runs a __close handler that loops, on the coroutine's thread.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
local co = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  coroutine.yield()
end)
coroutine.resume(co)
coroutine.close(co)
