-- filter with a predicate that loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
kb.municipalities:filter(function(m) while m do end end)
