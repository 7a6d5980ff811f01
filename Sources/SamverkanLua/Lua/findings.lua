-- The `findings` collector a validation's check or run adds to (FindingsReader.swift reads
-- the list). Each finding remembers the script line that added it.
local host = ...
local P, caller_location = host.P, host.caller_location
local type, error, tostring, setmetatable = type, error, tostring, setmetatable

local function new_findings(default_severity)
  local list = {}
  local function add(severity, record, message, opts)
    if record ~= nil and not P.is_record(record) then
      error("findings: the first argument must be a record or nil, got " .. type(record), 3)
    end
    if opts ~= nil and type(opts) ~= "table" then error("findings: options must be a table like { field = \"population\" }", 3) end
    local field = opts and opts.field
    if field ~= nil and type(field) ~= "string" then error("findings: 'field' must be a field name", 3) end
    list[#list + 1] = { severity = severity, record = record, message = tostring(message),
                        field = field, origin = caller_location() }
  end
  local findings = {}
  function findings:error(record, message, opts) add("error", record, message, opts) end
  function findings:warning(record, message, opts) add("warning", record, message, opts) end
  function findings:add(record, message, opts) add(default_severity, record, message, opts) end
  setmetatable(findings, {
    __index = function(_, name)
      error("findings has no method '" .. tostring(name) .. "' (error, warning, add)", 2)
    end,
    __metatable = "findings",
  })
  return findings, list
end

return new_findings
