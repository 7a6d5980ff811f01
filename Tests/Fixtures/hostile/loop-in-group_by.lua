-- group_by with a key function that loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
kb.regions:group_by(function(r) while true do end end)
