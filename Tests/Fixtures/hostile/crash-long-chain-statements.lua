-- A variant: the same recursion through one register reloaded statement after statement
-- (`a = a.x` 200 000 times), which no check of expressions would see.
-- expect: exit 4
local src = { "local a = setmetatable({}, { __index = function(t) return t end })" }
for i = 1, 200000 do src[#src + 1] = "a = a.x" end
src[#src + 1] = "a()"
load(table.concat(src, "\n"))()
