-- require wants a name.
-- expect: exit 4
-- stderr: require: expected a module name (a string), got table
require(setmetatable({}, { __tostring = function() return "io" end }))
