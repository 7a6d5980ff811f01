-- os's metatable is locked.
-- expect: exit 4
-- stderr: cannot change a protected metatable
-- stdout: false
print(getmetatable(os))
setmetatable(os, nil)
