-- The drivers the host calls to run a plugin: a report's run, a filter's match over its
-- collection, a validation's check or run; plus describe and compile_where, so Swift finds
-- every entry point in one table (refs.drivers).
local host = ...
local P, base = host.P, host.base
local new_out, new_findings = host.out, host.findings

local drivers = {
  param_error_meta = host.param_error,
  describe = host.plugin_table,
  compile_where = host.where,
}

function drivers.report(plugin, params)
  local out, blocks = new_out()
  plugin.run(base.kb, params, out)
  return blocks
end

function drivers.filter(plugin, collection, params)
  local match, keep, n = plugin.match, {}, 0
  for i = 1, #collection do
    if match(collection[i], params) then n = n + 1; keep[n] = i end
  end
  return P.view(collection, keep)
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

return drivers
