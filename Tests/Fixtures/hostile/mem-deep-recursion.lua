-- Lua recursion without end is a stack overflow error.
-- expect: exit 4
-- stderr: stack overflow
local function f(a, b, c, d, e, g, h, i, j, k, l, m, n, o, p, q)
  return 1 + f(a, b, c, d, e, g, h, i, j, k, l, m, n, o, p, q)
end
f()
