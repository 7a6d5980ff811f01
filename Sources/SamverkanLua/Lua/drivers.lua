-- The drivers the host calls to run a plugin: a report's run, a filter's match over its
-- collection, a validation's check or run; plus describe and compile_where, so Swift finds
-- every entry point in one table (refs.drivers).
local host = ...
local P, base, api = host.P, host.base, host.api
local new_out, new_findings = host.out, host.findings

local drivers = {
  param_error_meta = host.param_error,
  describe = host.plugin_table,
  compile_where = host.where,
  show = host.describe.show,
}

function drivers.report(plugin, params)
  local out, blocks = new_out()
  plugin.run(base.kb, params, out)
  return blocks
end

-- The view of the records `match` keeps, and whether it returned nil for every one (a
-- `match` that forgot its `return`: the host notes it). A result that is neither a boolean
-- nor nil is an error at the line that defines `match`.
function drivers.filter(plugin, collection, params, name)
  local match, keep, n, any_value = plugin.match, {}, 0, false
  local truth = api.truth
  for i = 1, #collection do
    local r = collection[i]
    local result = match(r, params)
    if result ~= nil then
      any_value = true
      if truth(result, "filter '" .. name .. "': match", r, P.defined_at(match)) then n = n + 1; keep[n] = i end
    end
  end
  return P.view(collection, keep), #collection > 0 and not any_value
end

function drivers.validation(plugin, collection, params)
  local findings, list = new_findings(plugin.severity or "error")
  if plugin.check ~= nil then
    local check = plugin.check
    for i = 1, #collection do check(collection[i], findings, params) end
  else
    plugin.run(base.kb, findings, params)
  end
  return list
end

-- Whether `text` matches the Lua pattern `pattern` (samverkan test's message checks), with
-- string.find as it was when the host started: a plugin that replaces it changes nothing here.
local string_find = string.find
function drivers.matches(text, pattern)
  return string_find(text, pattern) ~= nil
end

return drivers
