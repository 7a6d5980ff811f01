-- Issue 13, item 4: a 10 MB unknown field name. "Did you mean" measures no name that
-- differs in length by more than a typo could, so the error comes at once, in little memory.
-- expect: exit 4
-- stderr: municipalities has no field
local m = kb.municipalities[1]
local _ = m[string.rep("x", 10 * 1024 * 1024)]
