-- getmetatable shows a lock, not the metatable.
-- expect: exit 0
-- stdout: records are read-only\tnil\tkb is read-only\tcollections are read-only
local mt = getmetatable(kb.municipalities[1])
print(mt, mt.__index, getmetatable(kb), getmetatable(kb.municipalities))
