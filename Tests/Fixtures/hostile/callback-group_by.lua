-- An error inside the function given to group_by.
-- expect: exit 4
-- stderr: callback-group_by.lua:4: boom in group_by
kb.municipalities:group_by(function(m) error("boom in group_by") end)
