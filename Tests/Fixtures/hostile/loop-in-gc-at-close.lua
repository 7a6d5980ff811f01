-- A finalizer that loops when the state closes after a successful run.
-- expect: exit 4
-- stderr: timeout: a finalizer (__gc) of the script still ran 2 s after the script ended
-- stdout: done
setmetatable({}, { __gc = function() while true do end end })
print("done")
