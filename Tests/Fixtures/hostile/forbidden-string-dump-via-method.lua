-- A method call on a string finds no dump either.
-- expect: exit 4
-- stderr: string.dump is not available in samverkan scripts
local f = function() end
print(("x").dump(f))
