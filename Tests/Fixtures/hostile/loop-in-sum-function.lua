-- sum with a function that loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
kb.municipalities:sum(function(m) while true do end end)
