-- A __tostring that returns a table is ignored.
-- expect: exit 4
-- stderr: (error object is a table value)
error(setmetatable({}, { __tostring = function() return {} end }))
