-- A __tostring that raises: its own error is shown.
-- expect: exit 4
-- stderr: broken tostring
error(setmetatable({}, { __tostring = function() error("broken tostring") end }))
