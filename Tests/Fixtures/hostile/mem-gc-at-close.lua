-- A finalizer that allocates forever when the state closes is held to the limit.
-- expect: exit 0
-- stdout: done
setmetatable({}, { __gc = function() local t = {} while true do t[#t + 1] = {} end end })
print("done")
