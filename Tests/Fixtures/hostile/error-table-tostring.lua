-- A table with __tostring uses it.
-- expect: exit 4
-- stderr: error: a custom error
error(setmetatable({}, { __tostring = function() return "a custom error" end }))
