-- An error inside the function given to any.
-- expect: exit 4
-- stderr: callback-any.lua:4: boom in any
kb.municipalities:any(function(m) error("boom in any") end)
