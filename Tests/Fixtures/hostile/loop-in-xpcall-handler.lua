-- Nor can a message handler that loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
xpcall(function() error("x") end, function() while true do end end)
