-- __add, __concat, __eq, __len and __tostring that recurse.
-- expect: exit 4
-- stderr: C stack overflow
-- stdout: false
local mt = {}
mt.__add = function(a, b) return a + b end
mt.__concat = function(a, b) return a .. b end
mt.__eq = function(a, b) return a == b end
mt.__len = function(a) return #a end
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(pcall(function() return a + 1 end))
print(pcall(function() return a .. "x" end))
print(pcall(function() return a == b end))
print(pcall(function() return #a end))
print(a + b)
