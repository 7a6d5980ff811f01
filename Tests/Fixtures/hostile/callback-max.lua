-- An error inside the function given to max.
-- expect: exit 4
-- stderr: callback-max.lua:4: boom in max
kb.municipalities:max(function(m) error("boom in max") end)
