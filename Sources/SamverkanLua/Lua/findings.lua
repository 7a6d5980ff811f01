-- The `findings` collector a validation's check or run adds to (FindingsReader.swift reads
-- the list). Each finding remembers the script line that added it.
--
-- The methods are declared in LuaAPI.swift (class `findings`): api.install checks self and
-- the argument types (a record or nil, a message, an options table); this file checks the
-- options (their keys, and that `field` is a field of the record's collection).
local host = ...
local P, api, suggest, caller_location = host.P, host.api, host.suggest, host.caller_location
local type, tostring, pairs, setmetatable = type, tostring, pairs, setmetatable
local fail = api.fail

local state = setmetatable({}, { __mode = "k" })   -- findings → { list, severity }
local is_findings = api.instances("findings")

local function add(findings, severity, record, message, opts)
  local field
  if opts ~= nil then
    for k in pairs(opts) do
      if k ~= "field" then
        fail("findings:" .. severity .. ": unknown option '" .. tostring(k) .. "'" .. suggest(tostring(k), { "field" })
          .. "; the options are { field = \"name\" }")
      end
    end
    field = opts.field
    if field ~= nil and type(field) ~= "string" then
      fail("findings:" .. severity .. ": 'field' must be a field name, got " .. api.type_name(field))
    end
    local problem = field ~= nil and record ~= nil and P.field_problem(record, field)
    if problem then fail("findings:" .. severity .. ": " .. problem) end
  end
  local s = state[findings]
  -- Messages count against the memory limit: each is copied out of Lua and written out.
  message = tostring(message)
  s.bytes = s.bytes + #message
  if host.text_budget > 0 and s.bytes > host.text_budget then
    fail("memory limit: the findings' messages are more than " .. host.text_budget // (1 << 20)
      .. " MB of text; raise it with --memory-limit MB")
  end
  s.list[#s.list + 1] = { severity = severity, record = record, message = message,
                          field = field, origin = caller_location() }
end

local F = api.install("findings", {
  error = function(f, record, message, opts) add(f, "error", record, message, opts) end,
  warning = function(f, record, message, opts) add(f, "warning", record, message, opts) end,
  add = function(f, record, message, opts) add(f, state[f].severity, record, message, opts) end,
})

local meta = {
  __index = function(_, name)
    if F[name] then return F[name] end
    fail("findings has no method '" .. tostring(name) .. "'" .. suggest(tostring(name), { "add", "error", "warning" })
      .. " (error, warning, add)")
  end,
  __newindex = function(_, name) fail("findings is read-only (" .. tostring(name) .. ")") end,
  __metatable = "findings",
}

-- A new collector with the plugin's default severity, and the list it fills.
local function new_findings(default_severity)
  local findings, list = setmetatable({}, meta), {}
  state[findings], is_findings[findings] = { list = list, severity = default_severity, bytes = 0 }, true
  return findings, list
end

return new_findings
