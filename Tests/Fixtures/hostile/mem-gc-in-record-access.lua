-- A finalizer that allocates forever, run by a collection step while Lua reads records
-- (c[i] and plain fields are read in C, no host callback). The refused allocation is an
-- error inside the finalizer, which Lua turns into a (silent) warning; the script goes on.
-- expect: exit 0
-- stdout: survived\t100000\ttrue
setmetatable({}, { __gc = function() ran = true; local t = {} while true do t[#t + 1] = {} end end })
local m, n = kb.municipalities, 0
for i = 1, 100000 do if m[1].name then n = n + 1 end end
print("survived", n, ran)
