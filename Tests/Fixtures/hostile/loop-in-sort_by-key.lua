-- sort_by with a key function that loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
kb.municipalities:sort_by(function(m) while true do end end)
