-- An error object whose __tostring builds a huge string.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
error(setmetatable({}, { __tostring = function() return string.rep("x", 1e9) end }))
