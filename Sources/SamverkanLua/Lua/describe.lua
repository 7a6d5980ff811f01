-- describe(x), for scripts and the REPL: what a value is (a record's fields, a collection's
-- size and schema, a function's signature from the API's declaration), and show(x), the
-- REPL's view of a value. ValueDescription.swift writes the text; this file adds what only
-- Lua knows: a function's declared name (api.names) and where a script defined it.
local host = ...
local api, base, P = host.api, host.base, host.P
local describe_text, show_text = host.describe_text, host.show_text
local type = type

local globals = api.install("globals", {
  describe = function(value)
    local defined_at = type(value) == "function" and P.defined_at(value) or nil
    base.print(describe_text(value, api.names[value], defined_at))
  end,
})
base.describe = globals.describe

return {
  show = function(value) return show_text(value) end,
}
