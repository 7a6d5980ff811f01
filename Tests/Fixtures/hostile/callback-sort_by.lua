-- An error inside the function given to sort_by.
-- expect: exit 4
-- stderr: callback-sort_by.lua:4: boom in sort_by
kb.municipalities:sort_by(function(m) error("boom in sort_by") end)
