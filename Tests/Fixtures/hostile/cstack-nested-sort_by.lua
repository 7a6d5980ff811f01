-- sort_by whose key function sorts again in a new coroutine, without end.
-- expect: exit 4
-- stderr: C stack overflow
local function f(c) return c:sort_by(function(m) return coroutine.wrap(f)(c) end) end
f(kb.municipalities)
