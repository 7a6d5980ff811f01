-- An error object whose __tostring loops (called by the message handler).
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
error(setmetatable({}, { __tostring = function() while true do end end }))
