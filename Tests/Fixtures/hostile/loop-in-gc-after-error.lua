-- A finalizer that loops once the script has failed (the failed run's garbage is collected under the watchdog).
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
setmetatable({}, { __gc = function() while true do end end })
error("failed")
