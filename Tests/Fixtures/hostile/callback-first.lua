-- An error inside the function given to first.
-- expect: exit 4
-- stderr: callback-first.lua:4: boom in first
kb.municipalities:first(function(m) error("boom in first") end)
