-- A binary chunk given as a string is refused.
-- expect: exit 4
-- stderr: load: binary (precompiled) chunks are not allowed
assert(load("\27LuaT\0\25\147\r\n\26\n"))
