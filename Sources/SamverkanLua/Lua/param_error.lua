-- param_error(name, message): the plugin rejects the value of its parameter `name`. The
-- command ends as a usage error (exit 2), "parameter 'name' message (plugin 'p')", like a
-- value the host itself rejects, not as a crash. The error value is a table the host knows
-- by its metatable (the C message handler lets it through without a traceback); scripts
-- that catch it see the sentence through tostring.
local host = ...
local base = host.base
local type, error, tostring, setmetatable = type, error, tostring, setmetatable

local param_error_meta = {
  __tostring = function(e) return "parameter '" .. tostring(e.parameter) .. "' " .. tostring(e.message) end,
  __metatable = false,
}
function base.param_error(name, message)
  if type(name) ~= "string" then
    error("param_error: the first argument must be the parameter's name (a string), got " .. type(name), 2)
  end
  if type(message) ~= "string" then
    error("param_error: the second argument must be a message (a string), got " .. type(message), 2)
  end
  error(setmetatable({ parameter = name, message = message }, param_error_meta))
end

return param_error_meta
