-- pcall nested until the C stack is full: the innermost fails, the script goes on.
-- expect: exit 0
-- stdout: true\tsurvived
local depth = 0
local function f() depth = depth + 1; return pcall(f) end
f()
print(depth > 100, "survived")
