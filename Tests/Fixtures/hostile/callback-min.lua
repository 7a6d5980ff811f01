-- An error inside the function given to min.
-- expect: exit 4
-- stderr: callback-min.lua:4: boom in min
kb.municipalities:min(function(m) error("boom in min") end)
