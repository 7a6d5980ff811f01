-- debug is not there.
-- expect: exit 4
-- stderr: 'debug' is not available in samverkan scripts
debug.sethook(function() end, "c")
