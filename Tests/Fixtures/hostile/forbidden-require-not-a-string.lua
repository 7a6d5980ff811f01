-- require wants a name.
-- expect: exit 4
-- stderr: bad argument #1 to 'require' (string expected, got table)
require(setmetatable({}, { __tostring = function() return "io" end }))
