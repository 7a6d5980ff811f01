-- param_error(name, message): the plugin rejects the value of its parameter `name`. The
-- command ends as a usage error (exit 2), "parameter 'name' message (plugin 'p')", like a
-- value the host itself rejects, not as a crash. The error value is a table the host knows
-- by its metatable (the C message handler lets it through without a traceback); scripts
-- that catch it see the sentence through tostring.
local host = ...
local base, api = host.base, host.api
local error, tostring, setmetatable = error, tostring, setmetatable

local param_error_meta = {
  __tostring = function(e) return "parameter '" .. tostring(e.parameter) .. "' " .. tostring(e.message) end,
  __metatable = false,
}
-- The arguments are checked by the API's wrapper (two strings).
base.param_error = api.install("globals", { param_error = function(name, message)
  error(setmetatable({ parameter = tostring(name), message = tostring(message) }, param_error_meta))
end }).param_error

return param_error_meta
