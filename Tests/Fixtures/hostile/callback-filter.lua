-- An error inside the function given to filter.
-- expect: exit 4
-- stderr: callback-filter.lua:4: boom in filter
kb.municipalities:filter(function(m) error("boom in filter") end)
