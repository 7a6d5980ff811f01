-- Endless tail calls through __call.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
local t = setmetatable({}, { __call = function(self) return self() end })
t()
