-- A finalizer that reads kb when the state closes.
-- expect: exit 0
-- stdout: end\nclosing\t9\tMalmö
setmetatable({}, { __gc = function() print("closing", #kb.municipalities, kb.municipalities[1].name) end })
print("end")
