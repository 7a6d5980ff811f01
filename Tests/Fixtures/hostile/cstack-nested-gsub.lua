-- gsub whose callback calls gsub, without end.
-- expect: exit 4
-- stderr: stack overflow
local function f(s) return (s:gsub(".", f)) end
f("abc")
