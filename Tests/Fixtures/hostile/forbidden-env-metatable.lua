-- The environment's metatable is locked.
-- expect: exit 4
-- stderr: cannot change a protected metatable
-- stdout: samverkan script environment
print(getmetatable(_ENV))
setmetatable(_ENV, {})
