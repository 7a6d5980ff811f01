-- An error inside the function given to all.
-- expect: exit 4
-- stderr: callback-all.lua:4: boom in all
kb.municipalities:all(function(m) error("boom in all") end)
